import { createServer } from "node:net";
import {
  InvalidParameterValueException,
  LambdaClient,
  ListFunctionsCommand,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
} from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { HttpError, toApiError, type ErrorContext } from "./errors";

const local: ErrorContext = { target: "local", region: "us-east-1", endpoint: "http://127.0.0.1:9014" };
const aws: ErrorContext = { target: "aws", region: "eu-west-1" };
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function named(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

describe("toApiError", () => {
  it("keeps our own HttpErrors", () => {
    expect(toApiError(new HttpError(400, "InvalidParameter", 'Invalid query parameter "order"'), local)).toEqual({
      status: 400,
      code: "InvalidParameter",
      message: 'Invalid query parameter "order"',
    });
  });

  it("maps Lambda's service exceptions by name", () => {
    const notFound = new ResourceNotFoundException({ message: "Function not found: nope", ...meta(404) });
    expect(toApiError(notFound, local)).toEqual({ status: 404, code: "NotFound", message: "Function not found: nope" });
    const invalid = new InvalidParameterValueException({ message: "bad ARN", ...meta(400) });
    expect(toApiError(invalid, local)).toMatchObject({ status: 400, code: "InvalidParameter", message: "bad ARN" });
    const throttled = new TooManyRequestsException({ message: "Rate exceeded", ...meta(429) });
    expect(toApiError(throttled, aws)).toMatchObject({ status: 429, code: "Throttled" });
    expect(toApiError(throttled, aws).message).toContain("Rate exceeded");
    const broken = new ServiceException({ message: "boom", ...meta(500) });
    expect(toApiError(broken, aws)).toMatchObject({ status: 502, code: "UpstreamError", message: "The durable service failed: boom" });
  });

  it("explains missing, rejected and insufficient credentials", () => {
    const missing = toApiError(named("CredentialsProviderError", "Could not load credentials from any providers"), aws);
    expect(missing.status).toBe(401);
    expect(missing.code).toBe("CredentialsMissing");
    expect(missing.message).toMatch(/AWS_PROFILE/);

    const expired = toApiError(named("ExpiredTokenException", "The security token included in the request is expired", meta(403)), aws);
    expect(expired).toMatchObject({ status: 401, code: "CredentialsInvalid" });

    const denied = toApiError(named("AccessDeniedException", "User is not authorized to perform: lambda:ListFunctions", meta(403)), aws);
    expect(denied.status).toBe(403);
    expect(denied.message).toBe(
      "Access denied: User is not authorized to perform: lambda:ListFunctions. Durable Lens needs lambda:ListFunctions, " +
        "lambda:ListDurableExecutionsByFunction, lambda:GetDurableExecution and lambda:GetDurableExecutionHistory.",
    );
  });

  it("never echoes an access key id", () => {
    const err = named("UnrecognizedClientException", "The key AKIAIOSFODNN7EXAMPLE is not valid", meta(403));
    const body = toApiError(err, aws);
    expect(JSON.stringify(body)).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(body.message).toContain("[redacted key id]");
  });

  it("says how to start the local service when it is not running (a real refused connection)", async () => {
    const port = await closedPort();
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new LambdaClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" }, maxAttempts: 1 });
    const error = await client.send(new ListFunctionsCommand({})).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(toApiError(error, { ...local, endpoint })).toEqual({
      status: 503,
      code: "ServiceUnreachable",
      message: `The local durable service is not reachable at ${endpoint}. Start it with \`npm start\`.`,
    });
    expect(toApiError(error, aws).message).toBe("AWS Lambda in eu-west-1 is not reachable (ECONNREFUSED). Check your network connection.");
  });

  it("finds connection codes inside AggregateErrors and causes", () => {
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], "connect failed"), {});
    expect(toApiError(aggregate, local).status).toBe(503);
    const wrapped = new Error("fetch failed", { cause: Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" }) });
    expect(toApiError(wrapped, aws).message).toContain("ENOTFOUND");
  });

  it("reports configuration mistakes and unknown errors without a stack", () => {
    expect(toApiError(named("ConfigError", 'DURABLE_LENS_TARGET must be "local" or "aws", got "prod"'), local)).toMatchObject({
      status: 500,
      code: "ConfigError",
    });
    const unknown = toApiError(new TypeError("x is not a function"), local);
    expect(unknown).toEqual({ status: 500, code: "InternalError", message: "Unexpected error: x is not a function" });
    expect(toApiError("a string", local)).toMatchObject({ status: 500 });
    expect(toApiError(undefined, local)).toMatchObject({ status: 500 });
  });
});
