/**
 * Performance Insights keeps its 7 days across a restart of the local fleet
 * (`npm start` again): a slow statement sampled before the restart is still
 * the top SQL, with its text and its waits, after it, through @aws-sdk/client-pi.
 */
import { rmSync } from "node:fs";
import { DescribeDimensionKeysCommand, GetResourceMetricsCommand, PIClient } from "@aws-sdk/client-pi";
import { afterAll, expect, test, vi } from "vitest";
import { fleetNames } from "../../fleet";
import {
  connectAsMaster,
  describeOne,
  eventually,
  fleetPorts,
  makeTempDataDir,
  rdsClientFor,
  startTempFleet,
  type TempFleet,
} from "../test-support/temp-fleet";

const dataDir = makeTempDataDir();
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const piClient = (f: TempFleet) =>
  new PIClient({
    endpoint: f.info.apiUrl,
    region: f.info.region,
    credentials: f.engine.credentials.aws,
    maxAttempts: 1,
  });

test("a restart keeps the sampled load, the top SQL and its text", async () => {
  vi.stubEnv("RDSDECK_INSIGHTS_INTERVAL_SECONDS", "5");
  const first = await startTempFleet({ dataDir });
  const env = fleetPorts(first);
  const id = fleetNames(first.fleet).writer;
  const rds = rdsClientFor(first);
  const dbiResourceId = (await describeOne(rds, id)).DbiResourceId ?? "";
  rds.destroy();
  const port = first.info.endpoints.find((e) => e.role === "writer")?.port ?? 0;
  const sleeper = await connectAsMaster(first, port);
  const workStart = Date.now();
  const until = workStart + 4_000;
  while (Date.now() < until) await sleeper.query("select pg_sleep(0.4)");
  await sleeper.end();

  const range = () => ({ StartTime: new Date(workStart - 120_000), EndTime: new Date() });
  const topDigest = async (f: TempFleet) => {
    const pi = piClient(f);
    try {
      const answer = await pi.send(
        new DescribeDimensionKeysCommand({
          ServiceType: "RDS",
          Identifier: dbiResourceId,
          ...range(),
          Metric: "db.load.avg",
          GroupBy: { Group: "db.sql_tokenized", Limit: 1 },
        }),
      );
      return answer.Keys?.[0];
    } finally {
      pi.destroy();
    }
  };
  const before = await eventually(
    async () => {
      const top = await topDigest(first);
      return top?.Dimensions?.["db.sql_tokenized.statement"] === "select pg_sleep($1)" ? top : undefined;
    },
    30_000,
    "the sleeper atop the top SQL",
  );
  // The journal is appended every few seconds and on stop.
  await first.stop();

  const second = await startTempFleet({ dataDir, env });
  try {
    const after = await topDigest(second);
    expect(after?.Dimensions?.["db.sql_tokenized.statement"]).toBe("select pg_sleep($1)");
    expect(after?.Dimensions?.["db.sql_tokenized.id"]).toBe(before?.Dimensions?.["db.sql_tokenized.id"]);
    // The sleeps sampled before the restart still load the range as much (nothing new sleeps now).
    expect(after?.Total).toBeGreaterThan(0);
    const pi = piClient(second);
    const waits = await pi.send(
      new GetResourceMetricsCommand({
        ServiceType: "RDS",
        Identifier: dbiResourceId,
        ...range(),
        PeriodInSeconds: 1,
        MetricQueries: [{ Metric: "db.load.avg", Filter: { "db.wait_event.name": "Timeout:PgSleep" } }],
      }),
    );
    pi.destroy();
    const sleptSeconds = (waits.MetricList?.[0]?.DataPoints ?? []).filter(
      (p) => (p.Timestamp?.getTime() ?? 0) <= until + 1_000 && (p.Value ?? 0) > 0,
    );
    expect(sleptSeconds.length).toBeGreaterThanOrEqual(2);
  } finally {
    await second.stop();
  }
});
