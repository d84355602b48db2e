/**
 * ELK in a background thread: its worker build answers the layout messages that elk-api sends,
 * so laying out thousands of nodes never freezes the page.
 */
import "elkjs/lib/elk-worker.min.js";
