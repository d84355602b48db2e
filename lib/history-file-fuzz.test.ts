// The app's history file loader on damaged files: every recorded fixture cut off at random
// points and with garbage spliced in at random points (seeded), byte-order marks, NULs, huge
// payloads and absurd nesting as text, and the sdk's mutated histories as files. readHistoryText
// must never throw, must say where the JSON breaks, must offer every event that closes before the
// break exactly as the clean file has it, and otherwise read what parseHistory reads.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseHistory } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { historyCases, projectAll } from "../sdk/src/history/parse-fuzz.test-support";
import { fuzzSeed, seededRandom } from "../sdk/src/local/fuzz.test-support";
import { FIXTURE_FILES, fixtureText } from "../sdk/src/local/recorded-histories.test-support";
import { readHistoryText, type HistoryFileResult } from "./history-file";

const rnd = seededRandom(fuzzSeed("history file loader"));

/**
 * Where each event of a fixture ends: the fixtures are arrays printed with two-space indents, so
 * an event's closing brace is the one that starts a line with two spaces. Index just past it.
 */
function eventEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = text.indexOf("\n  }"); i !== -1; i = text.indexOf("\n  }", i + 1)) ends.push(i + 4);
  return ends;
}

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The events a result offers to show: all of them, or the readable part of a failure. */
const shown = (r: HistoryFileResult): Event[] => (r.ok ? r.events : (r.readable?.events ?? []));

const counts = { truncated: 0, spliced: 0, mutated: 0, text: 0 };

describe("readHistoryText on damaged fixture files", () => {
  it.each(FIXTURE_FILES)("offers the events before the damage in %s, and says where it is", (file) => {
    const text = fixtureText(file);
    const clean = parseHistory(JSON.parse(text)).events;
    const ends = eventEnds(text);
    expect(ends).toHaveLength(clean.length);
    const failures: string[] = [];
    // Cut-off points: random ones, and each side of a few event ends, where an off-by-one would show.
    const cuts = new Set<number>();
    for (let i = 0; i < 25; i++) cuts.add(1 + Math.floor(rnd() * (text.length - 2)));
    for (const end of [ends[0]!, ends[Math.floor(ends.length / 2)]!, ends.at(-1)!]) for (const d of [-1, 0, 1]) cuts.add(end + d);
    for (const cut of cuts) {
      const damaged = text.slice(0, cut);
      if (isJson(damaged)) continue;
      counts.truncated++;
      const complete = ends.filter((e) => e <= cut).length;
      let r: HistoryFileResult;
      try {
        r = readHistoryText(damaged);
      } catch (e) {
        failures.push(`cut at ${cut}: threw ${(e as Error).message}`);
        continue;
      }
      if (r.ok || !/^The file is not valid JSON: the file ends too early .* at line \d+, column \d+/.test(r.message)) failures.push(`cut at ${cut}: ${JSON.stringify(r).slice(0, 200)}`);
      else if (!isDeepStrictEqual(shown(r), clean.slice(0, complete))) failures.push(`cut at ${cut}: offered ${shown(r).length} events, not the ${complete} complete ones`);
      else if (complete > 0 && !r.readable?.problems[0]?.includes(`line ${r.message.match(/line (\d+)/)![1]}`)) failures.push(`cut at ${cut}: the problems do not say where the file breaks`);
    }
    for (let i = 0; i < 25; i++) {
      const at = Math.floor(rnd() * text.length);
      const junk = ["}", "]", ",", '"', ":", "\u0000", "x", "{", "[", "\\", "NaN", "//"][Math.floor(rnd() * 12)]!;
      const damaged = `${text.slice(0, at)}${junk}${text.slice(at)}`;
      if (isJson(damaged)) continue;
      counts.spliced++;
      let r: HistoryFileResult;
      try {
        r = readHistoryText(damaged);
      } catch (e) {
        failures.push(`${JSON.stringify(junk)} at ${at}: threw ${(e as Error).message}`);
        continue;
      }
      // Every event that closed before the splice is offered as the clean file has it.
      const before = ends.filter((e) => e <= at).length;
      const offered = shown(r);
      if (r.ok || !/^The file is not valid JSON: .* at line \d+, column \d+/.test(r.message)) failures.push(`${JSON.stringify(junk)} at ${at}: ${JSON.stringify(r).slice(0, 200)}`);
      else if (!isDeepStrictEqual(offered.slice(0, before), clean.slice(0, before))) failures.push(`${JSON.stringify(junk)} at ${at}: the ${before} events before it are not all offered unchanged`);
      else {
        try {
          projectAll(offered);
        } catch (e) {
          failures.push(`${JSON.stringify(junk)} at ${at}: a projection threw ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("readHistoryText on the sdk's mutated histories, as files", () => {
  // The megabyte fixture would be serialized hundreds of times; the parser's own fuzz test covers it.
  const small = FIXTURE_FILES.filter((f) => fixtureText(f).length < 200_000);

  it.each(small)("reads what parseHistory reads of each mutation of %s, and adds what it cannot read", (file) => {
    const raw = JSON.parse(fixtureText(file)) as Record<string, unknown>[];
    const failures: string[] = [];
    for (const c of historyCases(file, raw, rnd)) {
      let text: string;
      try {
        text = JSON.stringify(c.input);
      } catch {
        continue; // nesting too deep to print: the text cases below write such files by hand
      }
      if (text === undefined) continue;
      counts.mutated++;
      const parsed = parseHistory(c.input);
      let r: HistoryFileResult;
      try {
        r = readHistoryText(text);
      } catch (e) {
        failures.push(`${c.label}: threw ${(e as Error).message}`);
        continue;
      }
      // The same events; every problem passed on (all of them beside readable events, the first 20
      // otherwise). A text that is no history at all is explained in the loader's own words.
      const problems = r.ok ? r.problems : (r.readable?.problems ?? r.details);
      const own = parsed.problems.filter((p) => !p.startsWith("history: "));
      const expected = r.ok || r.readable ? own : own.slice(0, 20);
      if (!isDeepStrictEqual(shown(r), parsed.events)) failures.push(`${c.label}: offers ${shown(r).length} events, parseHistory reads ${parsed.events.length}`);
      else if (parsed.events.length === 0 && (r.ok || r.message === "")) failures.push(`${c.label}: shows nothing and does not say why`);
      else if (!expected.every((p) => problems.includes(p))) failures.push(`${c.label}: a problem of parseHistory is not passed on`);
    }
    expect(failures).toEqual([]);
  });
});

describe("readHistoryText on odd texts", () => {
  const started = '{"EventId":1,"EventType":"ExecutionStarted","Id":"e","EventTimestamp":"2026-01-01T00:00:00Z"}';
  it.each([
    ["only a byte-order mark", "\ufeff", /^The file is empty\./],
    ["whitespace", " \n\t\r ", /^The file is empty\./],
    ["a NUL", "\u0000", /not valid JSON/],
    ["NULs between events", `[${started},\u0000\u0000]`, /not valid JSON/],
    ["arrays 100,000 deep", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, /None of the 1 events could be read/],
    ["objects 100,000 deep, unclosed", '{"a":'.repeat(100_000), /nesting is too deep|nested too deeply|ends too early/],
    ["an array 100,000 deep, cut off", "[".repeat(100_000), /not valid JSON/],
    ["an event with an unknown member 100,000 deep", `[${started.slice(0, -1)},"ExecutionStartedDetails":{"X":${"[".repeat(100_000)}${"]".repeat(100_000)}}}]`, /./],
    ["JSON with comments", `[// the start\n${started}]`, /not valid JSON/],
    ["single quotes", started.replace(/"/g, "'"), /not valid JSON/],
    ["a JSON Lines file", `${started}\n${started.replace('"EventId":1', '"EventId":2')}`, /not valid JSON: unexpected/],
    ["a 10 MB payload", `[${started.slice(0, -1)},"ExecutionStartedDetails":{"Input":{"Payload":"${"x".repeat(10 * 1024 * 1024)}"}}}]`, undefined],
  ] as const)("%s", (_label, text, message) => {
    counts.text++;
    const r = readHistoryText(text);
    if (message === undefined) expect(r.ok).toBe(true);
    else if (!r.ok) expect(r.message).toMatch(message);
    else expect(r.problems.join("\n")).toMatch(message);
    expect(() => projectAll(shown(r))).not.toThrow();
  });

  it("counts its cases", () => {
    console.log(`[fuzz] history file loader cases: ${JSON.stringify(counts)}`);
    expect(counts.truncated + counts.spliced).toBeGreaterThan(1000);
  });
});
