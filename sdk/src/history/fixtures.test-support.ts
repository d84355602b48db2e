/**
 * The recorded histories in ../shared/fixtures/histories, read for the projection tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Event } from "../protocol/index.js";
import { parseHistory } from "./parse.js";

const FIXTURES = new URL("../../../../shared/fixtures/histories/", import.meta.url);

/** File names of every recorded history. */
export const FIXTURE_FILES: readonly string[] = readdirSync(FIXTURES).filter((f) => f.endsWith(".history.json")).sort();

/** The raw JSON of a fixture. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name.endsWith(".json") ? name : `${name}.history.json`, FIXTURES), "utf8"));
}

/** A fixture's events, parsed. */
export function fixtureEvents(name: string): Event[] {
  return parseHistory(fixtureJson(name)).events;
}
