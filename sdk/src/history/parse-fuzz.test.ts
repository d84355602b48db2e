// The history loader on mutated recordings: every fixture in ../shared/fixtures/histories with
// each field of each kind of event given every wrong type or left out, events shuffled,
// duplicated, of unknown types or no objects at all, operation ids reused by another type, 10 MB
// payloads and nesting deeper than JSON.stringify can go, plus a seeded random mutator. The
// parser must never throw, must return every event it can read (the untouched ones exactly as
// from the clean file), must name each problem with its event and what is wrong, and every
// projection the UI runs (operations, graph, timeline, event rows, health, time travel) must
// accept the result.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import type { Event } from "../protocol/index.js";
import { fuzzSeed, seededRandom } from "../local/fuzz.test-support.js";
import { FIXTURE_FILES, fixtureJson } from "../local/recorded-histories.test-support.js";
import { parseHistory } from "./index.js";
import { historyCases, projectAll, randomHistoryCases, type HistoryCase } from "./parse-fuzz.test-support.js";

const rnd = seededRandom(fuzzSeed("history loader"));

type Json = Record<string, unknown>;

/** What reading one case got wrong, or undefined. */
function check(c: HistoryCase, clean: Map<number, Event>): string | undefined {
  let events: Event[];
  let problems: string[];
  try {
    ({ events, problems } = parseHistory(c.input));
  } catch (e) {
    return `${c.label}: parseHistory threw ${(e as Error).message}`;
  }
  const byId = new Map(events.map((e) => [e.EventId!, e]));
  if (byId.size !== events.length) return `${c.label}: duplicate EventIds came back`;
  if (events.some((e, i) => i > 0 && e.EventId! <= events[i - 1]!.EventId!)) return `${c.label}: events are not in EventId order`;
  for (const id of c.intact) {
    const got = byId.get(id);
    if (!got) return `${c.label}: event ${id}, untouched, was lost (${problems.join("; ")})`;
    if (!isDeepStrictEqual(got, clean.get(id))) return `${c.label}: event ${id}, untouched, came back changed`;
  }
  for (const id of c.kept) if (!byId.has(id)) return `${c.label}: event ${id} was dropped, though it is readable (${problems.join("; ")})`;
  if (c.payload) {
    const details = byId.get(c.payload.eventId)?.[`${byId.get(c.payload.eventId)!.EventType!}Details`] as { Input?: { Payload?: string }; Result?: { Payload?: string } } | undefined;
    const length = (details?.Input ?? details?.Result)?.Payload?.length;
    if (length !== c.payload.length) return `${c.label}: the payload came back with ${length} characters, not ${c.payload.length}`;
  }
  let projected: string[];
  try {
    projected = projectAll(events);
  } catch (e) {
    return `${c.label}: a projection threw ${(e as Error).stack?.split("\n").slice(0, 4).join(" | ")}`;
  }
  const all = [...problems, ...projected];
  if (c.names && !all.some((p) => c.names!.test(p))) return `${c.label}: no problem matches ${c.names}; got ${JSON.stringify(all).slice(0, 400)}`;
  // Every problem says where it is: an event, an operation, or the history as a whole.
  const vague = all.find((p) => !/^(event \d+|event at index \d+|operation |history: )/.test(p));
  if (vague) return `${c.label}: a problem does not say where it is: ${vague}`;
  return undefined;
}

const counts = { systematic: 0, random: 0 };

describe("parseHistory on mutated fixtures", () => {
  it("finds the fixtures", () => {
    expect(FIXTURE_FILES.length).toBeGreaterThan(30);
  });

  it.each(FIXTURE_FILES)("reads what it can of every mutation of %s, names the rest, and projects the result", (file) => {
    const raw = fixtureJson(file) as Json[];
    const clean = new Map(parseHistory(raw).events.map((e) => [e.EventId!, e]));
    expect(clean.size).toBe(raw.length);
    const cases = historyCases(file.replace(".history.json", ""), raw, rnd);
    const random = randomHistoryCases(file.replace(".history.json", ""), raw, rnd, 40);
    counts.systematic += cases.length;
    counts.random += random.length;
    const failures = [...cases, ...random].map((c) => check(c, clean)).filter((f) => f !== undefined);
    expect(failures).toEqual([]);
    // Thousands of parses and projections of the biggest fixtures: seconds on an idle machine,
    // several times that on a busy CI one; the limit only stops a hang.
  }, 120_000);

  it("counts its cases", () => {
    console.log(`[fuzz] history loader cases: ${JSON.stringify(counts)}, total ${counts.systematic + counts.random}`);
    expect(counts.systematic).toBeGreaterThan(1000);
  });
});
