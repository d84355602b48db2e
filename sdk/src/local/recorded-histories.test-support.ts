/**
 * The recorded histories in ../shared/fixtures/histories, read from disk for tests (Node only,
 * so it lives here rather than beside the browser-safe history module it mostly serves).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Event } from "../protocol/index.js";
import { parseHistory } from "../history/parse.js";

/** The fixtures folder, found relative to this file so any checkout with ../shared beside it works. */
export const HISTORY_FIXTURES_DIR = fileURLToPath(new URL("../../../../shared/fixtures/histories/", import.meta.url));

/** File names of every recorded history, sorted. */
export const FIXTURE_FILES: readonly string[] = readdirSync(HISTORY_FIXTURES_DIR).filter((f) => f.endsWith(".history.json")).sort();

/** A fixture's text; `name` may leave out the `.history.json` suffix. */
export function fixtureText(name: string): string {
  return readFileSync(join(HISTORY_FIXTURES_DIR, name.endsWith(".json") ? name : `${name}.history.json`), "utf8");
}

/** The raw JSON of a fixture. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

/** A fixture's events, parsed. */
export function fixtureEvents(name: string): Event[] {
  return parseHistory(fixtureJson(name)).events;
}
