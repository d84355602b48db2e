// The TypeScript loader now lives in sdk/loader, shared with `durable-lens dev`; this path
// stays for the scripts and sandboxes that name it.
import "../../loader/register.mjs";
