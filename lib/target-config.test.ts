import { describe, expect, it } from "vitest";
import { ConfigError, resolveTargetConfig } from "./target-config";

describe("resolveTargetConfig", () => {
  it("defaults to the local service on 127.0.0.1:9014 in us-east-1", () => {
    expect(resolveTargetConfig({})).toEqual({ target: "local", region: "us-east-1", endpoint: "http://127.0.0.1:9014" });
  });

  it("reads the local endpoint and region, dropping a trailing slash", () => {
    expect(resolveTargetConfig({ DURABLE_LENS_LOCAL_ENDPOINT: "http://127.0.0.1:9114/", AWS_REGION: "eu-west-1" })).toEqual({
      target: "local",
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:9114",
    });
  });

  it("targets AWS with the profile and no endpoint", () => {
    const config = resolveTargetConfig({ DURABLE_LENS_TARGET: "aws", AWS_PROFILE: "dev", DURABLE_LENS_LOCAL_ENDPOINT: "http://x" });
    expect(config).toEqual({ target: "aws", region: "us-east-1", profile: "dev" });
  });

  it("falls back to AWS_DEFAULT_REGION as the AWS CLI does", () => {
    expect(resolveTargetConfig({ DURABLE_LENS_TARGET: "aws", AWS_DEFAULT_REGION: "ap-southeast-2" }).region).toBe("ap-southeast-2");
    expect(resolveTargetConfig({ DURABLE_LENS_TARGET: "aws", AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "ap-southeast-2" }).region).toBe("eu-west-1");
  });

  it.each([
    [{ DURABLE_LENS_TARGET: "prod" }, /DURABLE_LENS_TARGET must be "local" or "aws", got "prod"/],
    [{ DURABLE_LENS_LOCAL_ENDPOINT: "not a url" }, /DURABLE_LENS_LOCAL_ENDPOINT "not a url" is not a URL/],
    [{ DURABLE_LENS_LOCAL_ENDPOINT: "ftp://host" }, /must be an http\(s\) URL/],
    [{ AWS_REGION: "Mars" }, /AWS_REGION "Mars" is not a region name/],
  ])("rejects %j with a message naming the variable", (env, message) => {
    expect(() => resolveTargetConfig(env)).toThrow(ConfigError);
    expect(() => resolveTargetConfig(env)).toThrow(message);
  });
});
