import { createServer, type Server } from "node:net";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toApiError } from "./errors";
import { lambdaClientConfig } from "./lambda-config";

let server: Server | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
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

describe("lambdaClientConfig", () => {
  it("points a client at the local endpoint with placeholder credentials", async () => {
    const client = new LambdaClient(lambdaClientConfig({ target: "local", region: "us-east-1", endpoint: "http://127.0.0.1:9014" }));
    expect(await client.config.region()).toBe("us-east-1");
    const endpoint = await client.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe("http://127.0.0.1:9014");
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: "local", secretAccessKey: "local" });
  });

  it("asks a local service that is not answering once, not three times", async () => {
    const { endpoint, connections } = await hangingUp();
    const client = new LambdaClient(lambdaClientConfig({ target: "local", region: "us-east-1", endpoint }));
    await expect(client.send(new ListFunctionsCommand({}))).rejects.toThrow();
    expect(connections()).toBe(1);
  });

  it("uses the AWS region and profile with no endpoint override or fixed credentials", async () => {
    const config = lambdaClientConfig({ target: "aws", region: "eu-west-1", profile: "dev" });
    expect(config).toMatchObject({ region: "eu-west-1", profile: "dev" });
    expect(config.endpoint).toBeUndefined();
    expect(config.credentials).toBeUndefined();
    expect(lambdaClientConfig({ target: "aws", region: "eu-west-1" })).not.toHaveProperty("profile");
  });

  it.each([
    ["the default chain", undefined],
    ["a profile that does not exist", "no-such-profile"],
  ])("turns missing AWS credentials (%s) into a message that says how to provide them", async (_, profile) => {
    noCredentialsAnywhere();
    const client = new LambdaClient(lambdaClientConfig({ target: "aws", region: "eu-west-1", ...(profile ? { profile } : {}) }));
    const error = await client.send(new ListFunctionsCommand({})).catch((e: unknown) => e);
    expect(toApiError(error, { target: "aws", region: "eu-west-1" })).toMatchObject({ status: 401, code: "CredentialsMissing" });
  });
});
