/** GetMetricData with metric math expressions, through the real CloudWatch client. */
import { GetMetricDataCommand, type MetricDataQuery, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CloudWatchTestServer, startCloudWatchTestServer } from "./test-support/cloudwatch-test-server";

let server: CloudWatchTestServer;
const MINUTE = 60_000;
const start = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;
const at = (minute: number) => new Date(start + minute * MINUTE);

const stat = (name: string) => ({
  Metric: { Namespace: "Rdsdeck/Math", MetricName: name },
  Period: 60,
  Stat: "Sum",
});

beforeAll(async () => {
  server = await startCloudWatchTestServer();
  const points: Array<[string, number, number]> = [
    ["Errors", 0, 1],
    ["Errors", 1, 3],
    ["Errors", 3, 5],
    ["Requests", 0, 10],
    ["Requests", 1, 30],
    ["Requests", 2, 20],
    ["Requests", 3, 0],
  ];
  await server.client().send(
    new PutMetricDataCommand({
      Namespace: "Rdsdeck/Math",
      MetricData: points.map(([MetricName, minute, Value]) => ({ MetricName, Timestamp: at(minute), Value })),
    }),
  );
});
afterAll(async () => server?.close());

function getMetricData(queries: MetricDataQuery[]) {
  return server.client().send(
    new GetMetricDataCommand({
      StartTime: at(0),
      EndTime: at(4),
      ScanBy: "TimestampAscending",
      MetricDataQueries: queries,
    }),
  );
}

describe("GetMetricData with Expression", () => {
  test("an error rate over hidden metrics: aligned by timestamp, no data point where a division has none", async () => {
    const data = await getMetricData([
      { Id: "errors", MetricStat: stat("Errors"), ReturnData: false },
      { Id: "requests", MetricStat: stat("Requests"), ReturnData: false },
      { Id: "rate", Expression: "100 * errors / requests", Label: "Error rate" },
    ]);
    // Minute 2 has no Errors; minute 3 divides by zero requests.
    expect(data.MetricDataResults).toEqual([
      { Id: "rate", Label: "Error rate", StatusCode: "Complete", Timestamps: [at(0), at(1)], Values: [10, 10] },
    ]);
  });

  test("expressions over expressions, SUM(METRICS()), FILL and RATE, each returned under its own Id", async () => {
    const data = await getMetricData([
      { Id: "errors", MetricStat: stat("Errors") },
      { Id: "requests", MetricStat: stat("Requests"), ReturnData: false },
      { Id: "total", Expression: "SUM(METRICS())" },
      { Id: "filled", Expression: "FILL(errors, REPEAT)" },
      { Id: "growth", Expression: "ABS(RATE(requests)) * 60" },
      { Id: "share", Expression: "filled / MAX(total)" },
    ]);
    const byId = Object.fromEntries((data.MetricDataResults ?? []).map((r) => [r.Id, [r.Label, r.Values]]));
    expect(byId).toEqual({
      errors: ["Errors", [1, 3, 5]],
      total: ["total", [11, 33, 20, 5]],
      filled: ["filled", [1, 3, 3, 5]],
      growth: ["growth", [20, 10, 20]],
      share: ["share", [1 / 33, 3 / 33, 3 / 33, 5 / 33]],
    });
  });

  test("an expression yielding several series returns each under the expression's Id, labelled by metric", async () => {
    const data = await getMetricData([
      { Id: "errors", MetricStat: stat("Errors"), ReturnData: false },
      { Id: "requests", MetricStat: stat("Requests"), ReturnData: false },
      { Id: "doubled", Expression: "METRICS() * 2", Label: "x2" },
    ]);
    expect(data.MetricDataResults?.map((r) => [r.Id, r.Label, r.Values])).toEqual([
      ["doubled", "x2 Errors", [2, 6, 10]],
      ["doubled", "x2 Requests", [20, 60, 40, 0]],
    ]);
  });

  test.each<[string, MetricDataQuery[], RegExp]>([
    ["an unknown Id", [{ Id: "e", Expression: "missing * 2" }], /^Error in expression e: Unknown Id missing/],
    [
      "a function CloudWatch has but the local one does not compute",
      [
        { Id: "e", Expression: "ANOMALY_DETECTION_BAND(m)" },
        { Id: "m", MetricStat: stat("Errors") },
      ],
      /^Error in expression e: The function ANOMALY_DETECTION_BAND is not supported by the local CloudWatch/,
    ],
    ["an unknown function", [{ Id: "e", Expression: "FROB(1)" }], /^Error in expression e: Unknown function FROB\.$/],
    ["a syntax error", [{ Id: "e", Expression: "(1 +" }], /^Error in expression e: The expression ends too early\.$/],
    [
      "a cycle",
      [
        { Id: "a", Expression: "b + 1" },
        { Id: "b", Expression: "a + 1" },
      ],
      /^Error in expression \w: Circular reference: a depends on itself\.$/,
    ],
    ["a single number", [{ Id: "e", Expression: "1 + 2" }], /^Error in expression e: it yields a single number/],
  ])("refuses %s with ValidationError naming the expression", async (_, queries, message) => {
    await expect(getMetricData(queries)).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(message),
      $metadata: { httpStatusCode: 400 },
    });
  });

  test("refuses MetricStat and Expression in one query, and a query with neither, naming the member", async () => {
    await expect(getMetricData([{ Id: "e", Expression: "1", MetricStat: stat("Errors") }])).rejects.toMatchObject({
      name: "InvalidParameterCombinationException",
      message: expect.stringContaining("MetricDataQueries.member.1: specify either MetricStat or Expression"),
    });
    await expect(getMetricData([{ Id: "e" }])).rejects.toMatchObject({
      name: "MissingRequiredParameterException",
      message:
        "The parameter MetricDataQueries.member.1.MetricStat or MetricDataQueries.member.1.Expression is required.",
    });
  });
});
