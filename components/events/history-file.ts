/**
 * The history as a downloadable JSON document, in the shape GetDurableExecutionHistory returns
 * (`{ "Events": [...] }`), so the file opens again in Durable Lens or any tool that reads the API.
 */
import type { Event } from "@durable-lens/sdk/protocol";

/**
 * The JSON text of a history file (timestamps as ISO strings).
 *
 * @example JSON.parse(historyDocument(events)).Events.length === events.length
 */
export function historyDocument(events: readonly Event[]): string {
  return JSON.stringify({ Events: events }, null, 2);
}

/**
 * A file name for an execution's history: its name made safe for file systems.
 *
 * @example historyFileName("order-1001") // "order-1001.history.json"
 */
export function historyFileName(executionName: string): string {
  const safe = executionName.replace(/[^a-zA-Z0-9._-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 100);
  return `${safe || "execution"}.history.json`;
}

/**
 * Lines of the JSON view: each event pretty-printed, one after the other.
 *
 * @example jsonLines([event]).length // the number of lines of JSON.stringify(event, null, 2)
 */
export function jsonLines(events: readonly Event[]): string[] {
  const lines: string[] = [];
  for (const event of events) for (const line of JSON.stringify(event, null, 2).split("\n")) lines.push(line);
  return lines;
}
