/**
 * The shape histories in sdk/fixtures/histories (recorded from our runtime and the official SDK),
 * read from disk for tests (Node only, so it lives here rather than beside the browser-safe
 * history module it serves).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Event } from "../protocol/index.js";
import { parseHistory } from "../history/parse.js";

const DIR = fileURLToPath(new URL("../../fixtures/histories/", import.meta.url));

/** Stems of every stored shape history ("ours-promise-race", "official-map-50", ...), sorted. */
export const SHAPE_FIXTURES: readonly string[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".history.json"))
  .map((f) => f.slice(0, -".history.json".length))
  .sort();

/** The events of a stored shape history, e.g. `shapeEvents("ours-promise-race")`. */
export function shapeEvents(stem: string): Event[] {
  return parseHistory(JSON.parse(readFileSync(`${DIR}${stem}.history.json`, "utf8"))).events;
}
