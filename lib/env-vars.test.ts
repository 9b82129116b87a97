import { describe, expect, it } from "vitest";
import { envSchema, envVars, parseConfig } from "./env-vars";

const local = {
  AWS_REGION: "us-east-1",
  AWS_ENDPOINT_URL_RDS: "http://127.0.0.1:15480",
  AWS_ENDPOINT_URL_CLOUDWATCH: "http://127.0.0.1:15480",
  AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret-example",
};

describe("parseConfig", () => {
  it("defaults to local mode with a 3 s refresh", () => {
    const config = parseConfig(local);
    expect(config.mode).toBe("local");
    expect(config.refreshIntervalMs).toBe(3000);
    expect(config.aws.credentials).toEqual({ accessKeyId: "AKIAEXAMPLE", secretAccessKey: "secret-example" });
  });

  it("needs nothing in aws mode and leaves credentials to the provider chain", () => {
    const config = parseConfig({ RDSDECK_MODE: "aws", AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "x" });
    expect(config.aws).toEqual({
      region: undefined,
      rdsEndpoint: undefined,
      cloudWatchEndpoint: undefined,
      credentials: undefined,
    });
  });

  it.each([
    [{ ...local, RDSDECK_MODE: "prod" }, 'Invalid RDSDECK_MODE: expected "local" | "aws" (got "prod")'],
    [{ ...local, AWS_ENDPOINT_URL_RDS: "localhost:15480" }, "Invalid AWS_ENDPOINT_URL_RDS: expected an http(s) URL"],
    [{ ...local, RDSDECK_REFRESH_SECONDS: "0" }, "Invalid RDSDECK_REFRESH_SECONDS: expected at least 1 second"],
    [{ ...local, RDSDECK_LOG_LEVEL: "loud" }, "Invalid RDSDECK_LOG_LEVEL"],
    [{ ...local, AWS_REGION: "" }, 'Missing AWS_REGION: required when RDSDECK_MODE is "local"'],
    [{}, "npm run fleet:env"],
  ])("rejects %o naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("never echoes a secret in its message", () => {
    expect(() => parseConfig({ ...local, AWS_SECRET_ACCESS_KEY: "   " })).toThrow(/^Missing AWS_SECRET_ACCESS_KEY/);
  });

  it("documents every variable it reads", () => {
    expect(envVars.map((v) => v.name).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
