import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DurableExecutionInvocationInput } from "../../protocol/index.js";
import { tempProject, type TempProject } from "./dev.test-support.js";
import { ModuleFunction } from "./module-function.js";

// A plain handler (not a durable one), so each behaviour of the environment shows directly.
const source = `
export const handler = async (event: { crash?: boolean; hang?: boolean }) => {
  if (event.crash) process.exit(3);
  if (event.hang) await new Promise(() => setInterval(() => {}, 1000));
  const env = process.env;
  return { Status: "SUCCEEDED", Result: JSON.stringify({ endpoint: env.AWS_ENDPOINT_URL_LAMBDA, region: env.AWS_REGION, key: env.AWS_ACCESS_KEY_ID, profile: env.AWS_PROFILE ?? null }) };
};
`;

let project: TempProject;
let fn: ModuleFunction;

beforeAll(() => {
  project = tempProject();
  const file = project.write("probe.ts", source);
  fn = new ModuleFunction({ name: "probe", file, endpoint: "http://127.0.0.1:9", region: "eu-west-1", timeoutSeconds: 1, watch: false });
});

afterAll(async () => {
  await fn?.dispose();
  project?.remove();
});

const run = (event: object) =>
  fn.registration.run!(event as DurableExecutionInvocationInput, {
    requestId: "r-1",
    functionName: "probe",
    functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:probe",
    endpoint: "http://127.0.0.1:9",
    region: "eu-west-1",
  });

describe("a module function's environment", () => {
  it("points the handler's Lambda client at the local service, with dummy credentials in place of the shell's", async () => {
    process.env.AWS_PROFILE = "someone-elses";
    try {
      const probe = new ModuleFunction({ name: "probe", file: fn.file, endpoint: "http://127.0.0.1:9", region: "eu-west-1", watch: false });
      const out = await probe.registration.run!({} as DurableExecutionInvocationInput, { requestId: "r", functionName: "probe", functionArn: "a", endpoint: "", region: "" });
      await probe.dispose();
      expect(out).toEqual({
        Status: "SUCCEEDED",
        Result: JSON.stringify({ endpoint: "http://127.0.0.1:9", region: "eu-west-1", key: "durable-lens-local", profile: null }),
      });
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });

  it("fails an invocation whose handler exits the thread as Lambda does, and runs the next in a fresh one", async () => {
    await expect(run({ crash: true })).rejects.toMatchObject({ name: "Runtime.ExitError", message: "Runtime exited with error: exit status 3" });
    await expect(run({})).resolves.toMatchObject({ Status: "SUCCEEDED" });
  });

  it("ends an invocation that runs past the function's timeout", async () => {
    await expect(run({ hang: true })).rejects.toMatchObject({ name: "Sandbox.Timedout", message: "RequestId: r-1 Error: Task timed out after 1.00 seconds" });
    await expect(run({})).resolves.toMatchObject({ Status: "SUCCEEDED" });
  });
});
