/**
 * Each sample's recording replayed against a modified copy of the sample's own source: the
 * copy renames its first step, is bundled for the browser as the local service bundles it,
 * and the simulator must stop at that step with the recorded name beside the new one.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DurableLambdaHandler } from "../runtime/index.js";
import { record, runThrough, seededSamples } from "../replay/record-sample.test-support.js";
import { ReplaySimulator } from "../replay/simulator.js";
import { HandlerBundler, RUNTIME_SPECIFIER } from "./handler-bundle.js";
import { sampleHandlerSource } from "./sample-sources.js";

const dir = mkdtempSync(join(tmpdir(), "durable-lens-modified-samples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundler = new HandlerBundler();
/** The bundle's bare runtime import, pointed at the runtime the simulator runs with. */
const RUNTIME_ENTRY = new URL("../runtime/index.ts", import.meta.url).href;
const FIRST_STEP = /\.step\(\s*"([^"]+)"/;

/** A copy of `file` with its first step renamed, loaded through a browser bundle of it. */
async function modifiedCopy(file: string, exportName: string, name: string): Promise<{ handler: DurableLambdaHandler; renamed: string }> {
  const source = readFileSync(file, "utf8");
  // The handler's own first step: a module may define other functions before it.
  const start = source.indexOf(`export const ${exportName} =`);
  const renamed = FIRST_STEP.exec(source.slice(start))?.[1];
  if (start < 0 || !renamed) throw new Error(`${file} has no named step in ${exportName} to rename`);
  const modified = source.slice(0, start) + source.slice(start).replace(FIRST_STEP, `.step("${renamed}-changed"`);
  const copy = join(dir, `${name}.ts`);
  writeFileSync(copy, modified.replaceAll('"../runtime/index.js"', `"${RUNTIME_SPECIFIER}"`));
  const bundle = await bundler.bundle({ file: copy, exportName });
  const loadable = join(dir, `${name}.bundle.mjs`);
  writeFileSync(loadable, bundle.code.replaceAll(`from "${RUNTIME_SPECIFIER}"`, `from ${JSON.stringify(RUNTIME_ENTRY)}`));
  const mod = (await import(loadable)) as Record<string, DurableLambdaHandler>;
  return { handler: mod[bundle.exportName]!, renamed };
}

describe("replaying a sample's recording against a modified copy of its code", () => {
  for (const { sample, seed } of seededSamples()) {
    it(`stops ${sample.name} at its renamed first step`, async () => {
      const source = sampleHandlerSource(sample.handler);
      expect(source).toBeDefined();
      const { handler, renamed } = await modifiedCopy(source!.file, source!.exportName, sample.name);
      const { events } = await record(sample.name, sample.handler, seed.input, seed.callbacks);
      const { pause } = await runThrough(new ReplaySimulator({ recording: events, handler, functionName: sample.name }));
      expect(pause).toMatchObject({ kind: "diverged", divergence: { kind: "name", expected: { name: renamed }, actual: { name: `${renamed}-changed` } } });
      if (pause.kind !== "diverged") return;
      // The first divergent operation: the history's operation of that name, none before it.
      const recordedIds = events.filter((e) => e.Name === renamed).map((e) => e.Id);
      expect(recordedIds).toContain(pause.divergence.operationId);
    });
  }
});
