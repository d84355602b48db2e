import { createServer, type Server } from "node:net";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { lambdaClientConfig } from "./lambda-config";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

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
});
