/**
 * What the dashboard gets when CloudWatch cannot be reached: Unavailable,
 * naming the CloudWatch endpoint and its variable (not RDS's), so the page can
 * show a readable panel and render the rest.
 */
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Unavailable } from "@/lib/errors";
import { stubLocalAwsEnv } from "@/lib/test-support/local-aws-env";
import { describeAlarms } from "./describe-alarms";
import { getInstanceMetrics } from "./get-instance-metrics";
import { trySiblingAlarms } from "./sibling-alarms";

// Port 1 on loopback: nothing listens there, so the connection is refused at once.
const NOWHERE = "http://127.0.0.1:1";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

beforeAll(() => {
  vi.stubEnv("RDSDECK_LOG_LEVEL", "silent");
  stubLocalAwsEnv("http://127.0.0.1:2", NOWHERE);
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const nowhere = () =>
  new CloudWatchClient({ region: "us-east-1", endpoint: NOWHERE, credentials: CREDENTIALS, maxAttempts: 1 });

describe("CloudWatch unreachable", () => {
  it.each([
    [
      "getInstanceMetrics",
      () => getInstanceMetrics({ identifier: "production-myapp", metrics: ["CPUUtilization"], client: nowhere() }),
    ],
    ["describeAlarms", () => describeAlarms({ client: nowhere() })],
  ])("%s throws Unavailable naming the CloudWatch API", async (_name, call) => {
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Unavailable);
    expect((error as Unavailable).message).toBe(
      `The CloudWatch API at ${NOWHERE} cannot be reached (connection refused).`,
    );
    expect((error as Unavailable).hint).toContain("AWS_ENDPOINT_URL_CLOUDWATCH");
  });

  it("trySiblingAlarms answers false, not an error: the instance was requested, only its alarms are missing", async () => {
    expect(await trySiblingAlarms({ instance: "production-myapp-replica-9", replica: true })).toBe(false);
  });
});
