/**
 * `npm run conformance [-- options]`: runs the conformance requirements against our runtime
 * on the local engine and prints one line per requirement, then `N passed, N failed`.
 *
 *   --requirements DIR  requirement folders (default ../shared/conformance/requirements)
 *   --handlers DIR      handler modules, <suite>/<id>.ts (default sdk/conformance/handlers)
 *   --suite NAME        only this suite (repeatable, or comma-separated)
 *   --id ID             only this requirement (repeatable, or comma-separated)
 *   --jobs N            requirements run at once (default 3)
 *   --verbose           every difference, the history and the logs of each failure
 *   --report FILE       also write the outcome as JSON (counts and every difference)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Difference } from "./matcher.js";
import { discoverRequirements, type Requirement } from "./requirement.js";
import { runRequirement, type Outcome } from "./run.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

function usage(message: string): never {
  console.error(`${message}\nusage: npm run conformance -- [--requirements DIR] [--handlers DIR] [--suite NAME] [--id ID] [--jobs N] [--verbose] [--report FILE]`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        requirements: { type: "string" },
        handlers: { type: "string" },
        suite: { type: "string", multiple: true },
        id: { type: "string", multiple: true },
        jobs: { type: "string" },
        verbose: { type: "boolean", default: false },
        report: { type: "string" },
      },
      allowPositionals: false,
    }).values;
  } catch (e) {
    usage((e as Error).message);
  }
  const split = (v: string[] | undefined) => v?.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  const jobs = parsed.jobs === undefined ? 3 : Number(parsed.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) usage(`--jobs must be a positive integer, got ${parsed.jobs}`);
  return {
    requirements: resolve(parsed.requirements ?? resolve(repoRoot, "../shared/conformance/requirements")),
    handlers: resolve(parsed.handlers ?? resolve(repoRoot, "sdk/conformance/handlers")),
    suites: split(parsed.suite),
    ids: split(parsed.id),
    jobs,
    verbose: parsed.verbose === true,
    report: parsed.report === undefined ? undefined : resolve(parsed.report),
  };
}

function show(v: unknown): string {
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

export function formatDifference(d: Difference): string {
  const parts = [`${d.path}: ${d.message}`];
  if ("expected" in d) parts.push(`expected ${show(d.expected)}`);
  if ("actual" in d) parts.push(`actual ${show(d.actual)}`);
  return parts.join("; ");
}

const LABEL: Record<Outcome["status"], string> = {
  passed: "PASS",
  failed: "FAIL",
  "optional-failed": "FAIL (optional)",
  "no-handler": "NO HANDLER",
};

function report(o: Outcome, verbose: boolean): void {
  const name = `${o.requirement.suite}/${o.requirement.id}`;
  const head = `${LABEL[o.status].padEnd(15)} ${name.padEnd(14)}`;
  if (o.status === "passed") {
    const title = o.requirement.description.split("\n")[0]!;
    console.log(`${head} ${title.length > 80 ? `${title.slice(0, 77)}...` : title} (${Math.round(o.ms)} ms)`);
    return;
  }
  console.log(`${head} ${o.differences[0] ? formatDifference(o.differences[0]) : ""}`);
  if (!verbose || o.status === "no-handler") return;
  for (const d of o.differences.slice(1)) console.log(`           ${formatDifference(d)}`);
  console.log(`           history (${o.events.length} events):`);
  for (const e of o.events) console.log(`             ${JSON.stringify(e)}`);
  console.log(`           logs (${o.logs.length} lines):`);
  for (const l of o.logs) console.log(`             ${l.text}`);
}

function writeReport(file: string, outcomes: Outcome[], counts: Record<string, number>): void {
  mkdirSync(dirname(file), { recursive: true });
  const requirements = outcomes.map((o) => ({
    suite: o.requirement.suite,
    id: o.requirement.id,
    status: o.status,
    ms: Math.round(o.ms),
    differences: o.differences,
  }));
  writeFileSync(file, JSON.stringify({ ...counts, requirements }, null, 2));
}

async function main(): Promise<void> {
  const opts = options();
  let requirements: Requirement[];
  try {
    requirements = discoverRequirements(opts.requirements, { suites: opts.suites, ids: opts.ids });
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (requirements.length === 0) usage(`no requirements under ${opts.requirements} match the selection`);

  // Run several at once, report in requirement order.
  const outcomes: (Outcome | undefined)[] = new Array(requirements.length);
  let printed = 0;
  let next = 0;
  const flush = () => {
    while (printed < outcomes.length && outcomes[printed]) report(outcomes[printed++]!, opts.verbose);
  };
  await Promise.all(
    Array.from({ length: Math.min(opts.jobs, requirements.length) }, async () => {
      while (next < requirements.length) {
        const i = next++;
        outcomes[i] = await runRequirement(requirements[i]!, { handlersDir: opts.handlers });
        flush();
      }
    }),
  );

  const all = outcomes as Outcome[];
  const count = (s: Outcome["status"]) => all.filter((o) => o.status === s).length;
  const passed = count("passed");
  const uncovered = count("no-handler");
  const failed = count("failed") + uncovered;
  const optional = count("optional-failed");
  const notes = [uncovered && `${uncovered} without a handler (counted as failed)`, optional && `${optional} optional requirement(s) failed (not counted)`].filter(Boolean);
  if (notes.length) console.log(notes.join("; "));
  if (opts.report) writeReport(opts.report, all, { passed, failed, uncovered, optional });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
