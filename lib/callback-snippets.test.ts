import { describe, expect, it } from "vitest";
import { cliSnippet, codeSnippet, shellQuote } from "./callback-snippets";

const local = { target: "local" as const, region: "us-east-1", endpoint: "http://127.0.0.1:9014" };
const aws = { target: "aws" as const, region: "eu-west-1", profile: "dev" };

describe("shellQuote", () => {
  it("leaves plain words alone and single-quotes the rest, escaping single quotes", () => {
    expect(shellQuote("Y2I+/x==")).toBe("Y2I+/x==");
    expect(shellQuote('{"a":1}')).toBe(`'{"a":1}'`);
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
  });
});

describe("cliSnippet", () => {
  it("sends a raw JSON result to the local service without signing", () => {
    expect(cliSnippet("Y2I=", { action: "succeed", result: '{"approved":true}' }, local)).toBe(
      [
        "aws lambda send-durable-execution-callback-success",
        "  --callback-id Y2I=",
        `  --result '{"approved":true}'`,
        "  --cli-binary-format raw-in-base64-out",
        "  --region us-east-1",
        "  --endpoint-url http://127.0.0.1:9014",
        "  --no-sign-request",
      ].join(" \\\n"),
    );
  });

  it("sends an error as JSON, and names the profile on AWS", () => {
    const text = cliSnippet("Y2I=", { action: "fail", error: { ErrorType: "Rejected", ErrorMessage: "Don't" } }, aws);
    expect(text).toContain(`--error '{"ErrorType":"Rejected","ErrorMessage":"Don'\\''t"}'`);
    expect(text).toContain("--profile dev");
    expect(text).not.toContain("--endpoint-url");
  });

  it("sends a heartbeat with just the id", () => {
    expect(cliSnippet("Y2I=", { action: "heartbeat" }, aws)).toBe("aws lambda send-durable-execution-callback-heartbeat \\\n  --callback-id Y2I= \\\n  --region eu-west-1 \\\n  --profile dev");
  });
});

describe("codeSnippet", () => {
  it("builds the command of @aws-sdk/client-lambda with the result as JSON", () => {
    const text = codeSnippet("Y2I=", { action: "succeed", result: '{ "approved": true }' }, local);
    expect(text).toContain('import { LambdaClient, SendDurableExecutionCallbackSuccessCommand } from "@aws-sdk/client-lambda";');
    expect(text).toContain('new LambdaClient({ region: "us-east-1", endpoint: "http://127.0.0.1:9014" })');
    expect(text).toContain('  CallbackId: "Y2I=",\n  Result: JSON.stringify({"approved":true}),');
    expect(text).not.toMatch(/accessKeyId|secretAccessKey/);
  });

  it("passes the error object through for a failure", () => {
    expect(codeSnippet("Y2I=", { action: "fail", error: { ErrorMessage: "no" } }, aws)).toContain('Error: {"ErrorMessage":"no"},');
  });
});
