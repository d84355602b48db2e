// The local service as its own process, for the crash test: the real LocalDurableService on
// SQLite in `--data-dir`, with one workflow that spans several invocations (steps, waits and
// a callback). Run from sources: `node --import sdk/loader/register.mjs <this> --data-dir D`.
// Prints `listening on <endpoint>` once it takes requests.
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { withDurableExecution } from "../runtime/index.js";
import { LocalDurableService } from "./service.js";
import { SqliteStore } from "./sqlite-store.js";

/** Four invocations: steps then a wait; the callback; a step then a wait; the end. */
const crashWorkflow = withDurableExecution(async (order: { id: string }, ctx) => {
  const reservation = await ctx.step("reserve", async () => `res-${order.id}`);
  const charge = await ctx.step("charge", async () => ({ amount: 42, reservation }));
  // Long enough that the test, which kills the service right after this wait starts, always
  // does so between invocations rather than during the next one.
  await ctx.wait("cool-off", { seconds: 2 });
  const approval = await ctx.waitForCallback("approve", async () => {}, { timeout: { minutes: 5 } });
  const shipment = await ctx.runInChildContext("ship", async (child) => {
    const parcel = await child.step("pack", async () => `parcel-${order.id}`);
    return child.step("hand-over", async () => ({ parcel, carrier: "local" }));
  });
  await ctx.wait("settle", { seconds: 1 });
  return ctx.step("confirm", async () => ({ reservation, charge, approval, shipment }));
});

const { values } = parseArgs({ options: { port: { type: "string", default: "0" }, "data-dir": { type: "string" }, "ack-log": { type: "string" } } });
if (!values["data-dir"]) throw new Error("--data-dir is required");
const ackLog = values["ack-log"];

/**
 * Many steps in one invocation, so a kill lands mid-invocation. A step returns only once the
 * service acknowledged its result, so each line of `--ack-log` names a checkpoint the service
 * promised to keep; the test holds it to that after the kill.
 */
const stepStorm = withDurableExecution(async (input: { steps: number }, ctx) => {
  let sum = 0;
  for (let i = 0; i < input.steps; i++) {
    sum += await ctx.step(`s${i}`, async () => i);
    if (ackLog) appendFileSync(ackLog, `s${i}\n`);
  }
  return sum;
});
const service = await LocalDurableService.start({
  store: SqliteStore.open(values["data-dir"]),
  port: Number(values.port),
  functions: [
    { name: "crash-workflow", handler: crashWorkflow },
    { name: "step-storm", handler: stepStorm },
  ],
});
console.log(`listening on ${service.endpoint}`);
