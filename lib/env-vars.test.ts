import { describe, expect, it } from "vitest";
import { envSchema, envVars, parseConfig } from "./env-vars";

const local = {
  AWS_REGION: "us-east-1",
  AWS_ENDPOINT_URL_RDS: "http://127.0.0.1:15480",
  AWS_ENDPOINT_URL_CLOUDWATCH: "http://127.0.0.1:15480",
  AWS_ENDPOINT_URL_PI: "http://127.0.0.1:15480",
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
      performanceInsightsEndpoint: undefined,
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

describe("the users API's database settings", () => {
  const writer = "postgres://dbadmin:s3cret@127.0.0.1:15432/myapp?sslmode=verify-full&sslrootcert=%2Ftmp%2Fca.crt";
  const reader = writer.replace("15432", "15433");

  it("leaves the API unconfigured when DATABASE_WRITER_URL is unset, so the dashboard still starts", () => {
    expect(parseConfig(local).database).toBeUndefined();
    expect(parseConfig({ RDSDECK_MODE: "aws" }).database).toBeUndefined();
  });

  it("applies the seed's pool defaults", () => {
    expect(
      parseConfig({ ...local, DATABASE_WRITER_URL: writer, DATABASE_READER_URLS: ` ${reader},${reader} ,` }).database,
    ).toEqual({
      writerUrl: writer,
      readerUrls: [reader, reader],
      pool: { max: 25, minIdle: 5, maxLifetimeSeconds: 300 },
      readerMaxLagSeconds: 5,
      connectTimeoutMs: 2000,
      statementTimeoutMs: 4000,
      probeIntervalMs: 400,
    });
  });

  it("reads every setting, and never keeps more idle connections than the pool may open", () => {
    const database = parseConfig({
      ...local,
      DATABASE_WRITER_URL: writer,
      DATABASE_POOL_MAX: "3",
      DATABASE_POOL_MIN_IDLE: "10",
      DATABASE_POOL_MAX_LIFETIME_SECONDS: "60",
      DATABASE_READER_MAX_LAG_SECONDS: "0",
      DATABASE_CONNECT_TIMEOUT_MS: "500",
      DATABASE_STATEMENT_TIMEOUT_MS: "1000",
      DATABASE_PROBE_INTERVAL_MS: "250",
    }).database;
    expect(database).toMatchObject({
      readerUrls: [],
      pool: { max: 3, minIdle: 3, maxLifetimeSeconds: 60 },
      readerMaxLagSeconds: 0,
      connectTimeoutMs: 500,
      statementTimeoutMs: 1000,
      probeIntervalMs: 250,
    });
  });

  it.each([
    [
      { DATABASE_WRITER_URL: "mysql://x@h/db?sslmode=verify-full" },
      "Invalid DATABASE_WRITER_URL: expected a postgres:// URL",
    ],
    [{ DATABASE_WRITER_URL: writer.replace("verify-full", "disable") }, "Invalid DATABASE_WRITER_URL: expected TLS"],
    [
      { DATABASE_WRITER_URL: writer, DATABASE_READER_URLS: `${reader},postgres://h/db` },
      "Invalid DATABASE_READER_URLS: expected TLS",
    ],
    [{ DATABASE_POOL_MAX: "0" }, "Invalid DATABASE_POOL_MAX: expected at least 1 connections"],
    [{ DATABASE_POOL_MIN_IDLE: "many" }, "Invalid DATABASE_POOL_MIN_IDLE: expected a number of connections"],
    [
      { DATABASE_POOL_MAX_LIFETIME_SECONDS: "1.5" },
      "Invalid DATABASE_POOL_MAX_LIFETIME_SECONDS: expected a whole number",
    ],
    [{ DATABASE_READER_MAX_LAG_SECONDS: "-1" }, "Invalid DATABASE_READER_MAX_LAG_SECONDS: expected at least 0 seconds"],
    [{ DATABASE_READER_MAX_LAG_SECONDS: "31" }, "Invalid DATABASE_READER_MAX_LAG_SECONDS: expected at most 30 seconds"],
    [{ DATABASE_CONNECT_TIMEOUT_MS: "10" }, "Invalid DATABASE_CONNECT_TIMEOUT_MS: expected at least 100 milliseconds"],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: "x" }, "Invalid DATABASE_STATEMENT_TIMEOUT_MS"],
    [{ DATABASE_PROBE_INTERVAL_MS: "60000" }, "Invalid DATABASE_PROBE_INTERVAL_MS: expected at most 5000 milliseconds"],
  ])("rejects %o naming the variable", (env, message) => {
    expect(() => parseConfig({ ...local, ...env })).toThrow(message);
  });

  it("never echoes a database URL, which carries the password", () => {
    expect(() => parseConfig({ ...local, DATABASE_WRITER_URL: "postgres://u:s3cret@h/db" })).toThrow(
      /^Invalid DATABASE_WRITER_URL: expected TLS: add sslmode=verify-full&sslrootcert=<CA file> to the URL$/,
    );
  });
});
