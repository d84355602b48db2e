import { createServer, type Server, type Socket } from "node:net";
import { LambdaClient, ListFunctionsCommand, StopDurableExecutionCommand } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toApiError } from "./errors";
import { lambdaClientConfig, READ_ATTEMPTS, refuseMutations } from "./lambda-config";

let server: Server | undefined;
const openSockets = new Set<Socket>();
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const socket of openSockets) socket.destroy();
  openSockets.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** An environment where the standard credential chain finds nothing, without waiting on instance metadata. */
function noCredentialsAnywhere(): void {
  for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
  vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/config");
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
}

/** A TCP server that hangs up on every connection, counting them. */
async function hangingUp(): Promise<{ endpoint: string; connections: () => number }> {
  let count = 0;
  server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { endpoint: `http://127.0.0.1:${port}`, connections: () => count };
}

/**
 * A Lambda endpoint on a real socket that resets the first `resets` connections, then answers
 * every request with `body` (200, JSON), counting connections and the requests that arrived.
 */
async function resettingFirst(resets: number, body: string): Promise<{ endpoint: string; connections: () => number; requests: () => number }> {
  let count = 0;
  let answered = 0;
  server = createServer((socket) => {
    count++;
    if (count <= resets) {
      socket.resetAndDestroy();
      return;
    }
    openSockets.add(socket);
    let head = "";
    socket.on("data", (chunk) => {
      head += chunk.toString("latin1");
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(head.slice(0, end))?.[1] ?? 0);
      if (head.length - end - 4 < length) return;
      answered++;
      head = "";
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { endpoint: `http://127.0.0.1:${port}`, connections: () => count, requests: () => answered };
}

describe("lambdaClientConfig", () => {
  it("points a client at the local endpoint with placeholder credentials", async () => {
    const client = new LambdaClient(lambdaClientConfig({ target: "local", region: "us-east-1", endpoint: "http://127.0.0.1:9014" }, "read"));
    expect(await client.config.region()).toBe("us-east-1");
    const endpoint = await client.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe("http://127.0.0.1:9014");
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: "local", secretAccessKey: "local" });
  });

  it("sends a mutation once to a service that hangs up, never again", async () => {
    const { endpoint, connections } = await hangingUp();
    const client = new LambdaClient(lambdaClientConfig({ target: "local", region: "us-east-1", endpoint }, "mutation"));
    await expect(client.send(new StopDurableExecutionCommand({ DurableExecutionArn: "arn:x" }))).rejects.toThrow();
    expect(connections()).toBe(1);
  });

  it.each(["local", "aws"] as const)("rides out connections reset on a read (%s target), with the SDK's retries", async (target) => {
    const { endpoint, connections, requests } = await resettingFirst(READ_ATTEMPTS - 1, '{"Functions":[{"FunctionName":"adder"}]}');
    const config = target === "local" ? lambdaClientConfig({ target, region: "us-east-1", endpoint }, "read") : { ...lambdaClientConfig({ target, region: "us-east-1" }, "read"), endpoint, credentials: { accessKeyId: "a", secretAccessKey: "b" } };
    const client = refuseMutations(new LambdaClient(config));
    const out = await client.send(new ListFunctionsCommand({}));
    expect(out.Functions?.map((f) => f.FunctionName)).toEqual(["adder"]);
    expect({ connections: connections(), requests: requests() }).toEqual({ connections: READ_ATTEMPTS, requests: 1 });
  });

  it("does not retry a mutation on a reset connection, and the read client refuses to send one", async () => {
    const { endpoint, connections } = await resettingFirst(1, "{}");
    const mutation = new LambdaClient(lambdaClientConfig({ target: "local", region: "us-east-1", endpoint }, "mutation"));
    const error = await mutation.send(new StopDurableExecutionCommand({ DurableExecutionArn: "arn:x" })).catch((e: unknown) => e);
    expect(toApiError(error, { target: "local", region: "us-east-1", endpoint })).toMatchObject({ status: 503, code: "ServiceUnreachable" });
    expect(connections()).toBe(1);
    const reader = refuseMutations(new LambdaClient(lambdaClientConfig({ target: "local", region: "us-east-1", endpoint }, "read")));
    await expect(reader.send(new StopDurableExecutionCommand({ DurableExecutionArn: "arn:x" }))).rejects.toThrow(/mutation client/);
    expect(connections()).toBe(1);
  });

  it("uses the AWS region and profile with no endpoint override or fixed credentials", async () => {
    const config = lambdaClientConfig({ target: "aws", region: "eu-west-1", profile: "dev" }, "read");
    expect(config).toMatchObject({ region: "eu-west-1", profile: "dev" });
    expect(config.endpoint).toBeUndefined();
    expect(config.credentials).toBeUndefined();
    expect(lambdaClientConfig({ target: "aws", region: "eu-west-1" }, "read")).not.toHaveProperty("profile");
  });

  it.each([
    ["the default chain", undefined],
    ["a profile that does not exist", "no-such-profile"],
  ])("turns missing AWS credentials (%s) into a message that says how to provide them", async (_, profile) => {
    noCredentialsAnywhere();
    const client = new LambdaClient(lambdaClientConfig({ target: "aws", region: "eu-west-1", ...(profile ? { profile } : {}) }, "read"));
    const error = await client.send(new ListFunctionsCommand({})).catch((e: unknown) => e);
    expect(toApiError(error, { target: "aws", region: "eu-west-1" })).toMatchObject({ status: 401, code: "CredentialsMissing" });
  });
});
