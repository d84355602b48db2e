// `durable-lens dev` restarted as a user restarts it (kill -9, Ctrl+C), as a child process,
// with functions from arguments and from the config file: every execution that was in the
// middle of an invocation continues and succeeds; one whose function is gone waits, says why,
// and continues once the function is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetDurableExecutionCommand, InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import { kill, started, startService, type RunningService } from "../service-process.test-support.js";
import { WAITING_REASON_HEADER } from "../http-api.js";
import { finished, historyOf, tempProject, type TempProject } from "./dev.test-support.js";

const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));

/** A step, then a step that holds its invocation open until the test writes `release`. */
const holdingHandler = (release: string) => `
import { existsSync } from "node:fs";
import { withDurableExecution } from "@durable-lens/sdk";

export const handler = withDurableExecution(async (order, ctx) => {
  const reserved = await ctx.step("reserve", async () => "reserved-" + order.id);
  const held = await ctx.step("hold", async () => {
    while (!existsSync(${JSON.stringify(release)})) await new Promise((r) => setTimeout(r, 20));
    return "released";
  });
  return { reserved, held };
});
`;

let project: TempProject;
const release = () => join(project.dir, "release");
const dev = (...args: string[]) => startService(cli, ["dev", ...args, "--port", "0", "--data-dir", "data"], { cwd: project.dir });

beforeAll(() => {
  project = tempProject();
  project.write("tok.mjs", holdingHandler(join(project.dir, "release")));
  project.write("cfg.mjs", holdingHandler(join(project.dir, "release")));
});
afterAll(async () => {
  await Promise.all([...started].map(kill));
  project?.remove();
});

async function startExecutions(client: LambdaClient, fn: string, count: number): Promise<string[]> {
  const arns: string[] = [];
  for (let i = 0; i < count; i++) {
    const out = await client.send(new InvokeCommand({ FunctionName: fn, InvocationType: "Event", Payload: JSON.stringify({ id: `${fn}-${i}` }) }));
    arns.push(out.DurableExecutionArn!);
  }
  return arns;
}

/** Resolves once every execution is inside its holding step: mid-invocation. */
async function allHolding(client: LambdaClient, arns: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (const arn of arns) {
    for (;;) {
      const events = await historyOf(client, arn);
      if (events.some((e) => e.EventType === "StepStarted" && e.Name === "hold")) break;
      if (Date.now() > deadline) throw new Error(`${arn} never reached its holding step: ${events.map((e) => e.EventType).join(", ")}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Ctrl+C: SIGINT, and the process's own shutdown. */
function interrupt(s: RunningService): Promise<void> {
  return new Promise((resolve) => {
    s.child.once("exit", () => {
      started.delete(s);
      s.client.destroy();
      resolve();
    });
    s.child.kill("SIGINT");
  });
}

async function expectAllSucceed(client: LambdaClient, arns: string[]): Promise<void> {
  for (const arn of arns) {
    const end = await finished(client, arn, 30_000);
    expect(end.Status, `${arn}: ${JSON.stringify(end.Error)}`).toBe("SUCCEEDED");
    expect(JSON.parse(end.Result!)).toEqual({ reserved: expect.stringMatching(/^reserved-/), held: "released" });
  }
}

describe("durable-lens dev restarted with invocations in flight", () => {
  it("continues every execution after kill -9, the function named on the command line", { timeout: 90_000 }, async () => {
    let service = await dev("tok=tok.mjs");
    const arns = await startExecutions(service.client, "tok", 3);
    await allHolding(service.client, arns);
    await kill(service);

    service = await dev("tok=tok.mjs");
    project.write("release", "");
    await expectAllSucceed(service.client, arns);
    // The cut invocation is on record as the runtime's exit, and each execution went on from there.
    for (const arn of arns) {
      const cut = (await historyOf(service.client, arn)).filter((e) => e.EventType === "InvocationCompleted" && e.InvocationCompletedDetails?.Error);
      expect(cut.map((e) => e.InvocationCompletedDetails!.Error!.Payload!.ErrorType)).toEqual(["Runtime.ExitError"]);
    }
    await kill(service);
  });

  it("continues every execution after Ctrl+C, the function listed in the config file", { timeout: 90_000 }, async () => {
    rmSync(release(), { force: true });
    project.write("durable-lens.config.json", JSON.stringify({ functions: { cfg: "cfg.mjs" } }));
    let service = await dev();
    const arns = await startExecutions(service.client, "cfg", 2);
    await allHolding(service.client, arns);
    await interrupt(service);

    service = await dev();
    project.write("release", "");
    await expectAllSucceed(service.client, arns);
    await kill(service);
  });

  it("leaves the executions of a function removed while it was down waiting, says why, and continues them once it is back", { timeout: 90_000 }, async () => {
    rmSync(release(), { force: true });
    project.write("durable-lens.config.json", JSON.stringify({ functions: { cfg: "cfg.mjs", tok: "tok.mjs" } }));
    let service = await dev();
    const arns = await startExecutions(service.client, "cfg", 2);
    await allHolding(service.client, arns);
    await kill(service);

    project.write("durable-lens.config.json", JSON.stringify({ functions: { tok: "tok.mjs" } }));
    service = await dev();
    const endpoint = await service.client.config.endpoint!();
    const base = `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`;
    for (const arn of arns) {
      // Waiting: RUNNING, not failed, with the reason in the execution's read.
      const deadline = Date.now() + 30_000;
      let reason: string | null = null;
      while (reason === null) {
        const res = await fetch(`${base}/2025-12-01/durable-executions/${encodeURIComponent(arn)}`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { Status: string }).Status).toBe("RUNNING");
        reason = res.headers.get(WAITING_REASON_HEADER);
        if (reason === null && Date.now() > deadline) throw new Error(`${arn} gave no waiting reason`);
        if (reason === null) await new Promise((r) => setTimeout(r, 50));
      }
      expect(reason).toMatch(/^Waiting for function cfg, which the service does not serve now/);
    }

    project.write("release", "");
    project.write("durable-lens.config.json", JSON.stringify({ functions: { tok: "tok.mjs", cfg: "cfg.mjs" } }));
    await expectAllSucceed(service.client, arns);
    const after = await service.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arns[0]! }));
    expect(after.Status).toBe("SUCCEEDED");
    await kill(service);
  });
});
