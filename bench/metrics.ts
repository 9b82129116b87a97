/**
 * `npm run bench:metrics`: the local CloudWatch's and Performance Insights'
 * figures on a real fleet of four instances (its three, plus a replica made
 * for the bench).
 *
 * 1. Collector cost: the CPU time the collector spends (process.cpuUsage
 *    around each tick, so anything else the engine does while a tick awaits
 *    its queries is counted too: an upper bound) over BENCH_COLLECT_SECONDS
 *    (default 60) at the default 10 s interval, as a percent of one core.
 *    The engine process's CPU over the same minute is printed beside it.
 * 2. Performance Insights sampling over the same window (once a second per
 *    instance, pg_stat_statements' deltas every minute): the sampler's CPU in
 *    the engine (an upper bound, measured like the collector's) plus that of
 *    the postgres backends serving its connections, as a percent of one core.
 * 3. GetMetricData latency for 24 h of 60 s datapoints of 4 instances × 6
 *    metrics, seeded into the store: 24 queries in one call, Period 60
 *    (34,560 datapoints) and Period 300. Measured two ways: a raw SigV4-signed
 *    JSON 1.0 request until its last byte (the API's latency), and end to end
 *    through @aws-sdk/client-cloudwatch, whose own parsing of 34,560 Dates is
 *    a large part of the total.
 *
 * Goals: collector ≤ 2 % of a core; PI sampling of four instances ≤ 2 % of
 * a core, both sides counted; GetMetricData median ≤ 50 ms.
 */
import { GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { CreateDBInstanceReadReplicaCommand } from "@aws-sdk/client-rds";
import { signedRequest } from "../infra/local/api/cloudwatch/test-support/signed-request";
import { metricIdentity } from "../infra/local/metrics/metric-types";
import { CLOCK_TICKS_PER_SECOND, processCpuTicks } from "../infra/local/metrics/proc-stats";
import { RDS_METRIC_UNITS } from "../infra/local/metrics/rds-metrics";
import { cloudWatchClient } from "../infra/local/monitoring/cloudwatch-client";
import { describeOne, eventually, rdsClientFor, startTempFleet } from "../infra/local/test-support/temp-fleet";

const COLLECT_SECONDS = Number(process.env.BENCH_COLLECT_SECONDS ?? 60);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const METRICS = [
  "CPUUtilization",
  "DatabaseConnections",
  "FreeStorageSpace",
  "FreeableMemory",
  "ReadIOPS",
  "WriteIOPS",
] as const;
const INSTANCES = [
  "production-myapp",
  "production-myapp-replica-1",
  "production-myapp-replica-2",
  "production-myapp-bench",
];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function main(): Promise<void> {
  for (const name of [
    "RDSDECK_METRICS_INTERVAL_SECONDS",
    "RDSDECK_ALARM_EVALUATION_SECONDS",
    "RDSDECK_INSIGHTS_INTERVAL_SECONDS",
  ]) {
    delete process.env[name];
  }
  const fleet = await startTempFleet();
  const cw = cloudWatchClient(fleet);
  const rds = rdsClientFor(fleet);
  try {
    // A fourth instance (a third replica), so both figures are for four instances, as the goals are.
    const fourth = INSTANCES[3] as string;
    await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: fourth,
        SourceDBInstanceIdentifier: INSTANCES[0],
      }),
    );
    await eventually(
      async () => ((await describeOne(rds, fourth)).DBInstanceStatus === "available" ? true : undefined),
      180_000,
      `${fourth} available`,
    );
    const collector = fleet.monitoring.collector;
    // Let the first ticks (connections, TLS handshakes) pass: the figure is the steady state.
    await new Promise((r) => setTimeout(r, 12_000));
    const startCpu = collector.cpuMicros;
    const startTicks = collector.ticks;
    const sampler = fleet.monitoring.insights;
    const samplerStart = { micros: sampler.cpuMicros, ticks: sampler.ticks, backends: samplerBackendTicks(sampler) };
    const processStart = process.cpuUsage();
    const wallStart = performance.now();
    await new Promise((r) => setTimeout(r, COLLECT_SECONDS * 1000));
    const wallMicros = (performance.now() - wallStart) * 1000;
    const processUsed = process.cpuUsage(processStart);
    const collectorMicros = collector.cpuMicros - startCpu;
    const ticks = collector.ticks - startTicks;
    const interval = fleet.monitoring.config.collectIntervalMs / 1000;
    process.stdout.write(
      `collector: ${ticks} ticks at ${interval} s over ${COLLECT_SECONDS} s, ${(collectorMicros / 1000 / Math.max(ticks, 1)).toFixed(2)} ms CPU a tick, ` +
        `${((collectorMicros / wallMicros) * 100).toFixed(3)} % of one core ` +
        `(whole engine process, fleet supervision and API included: ${(((processUsed.user + processUsed.system) / wallMicros) * 100).toFixed(2)} %)\n`,
    );
    const samplerMicros = sampler.cpuMicros - samplerStart.micros;
    const backendMicros = backendDelta(samplerStart.backends, samplerBackendTicks(sampler));
    const instances = fleet.engine.instances().length;
    process.stdout.write(
      `Performance Insights sampler: ${sampler.ticks - samplerStart.ticks} ticks over ${COLLECT_SECONDS} s for ${instances} instances, ` +
        `engine side ${((samplerMicros / wallMicros) * 100).toFixed(3)} % of one core, ` +
        `postgres backends ${((backendMicros / wallMicros) * 100).toFixed(3)} %, ` +
        `together ${(((samplerMicros + backendMicros) / wallMicros) * 100).toFixed(3)} % (goal ≤ 2 %)\n`,
    );

    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 2 * MINUTE;
    const start = end - DAY;
    const store = fleet.monitoring.cloudwatch.metrics;
    for (const instance of INSTANCES) {
      for (const name of METRICS) {
        const metric = metricIdentity("AWS/RDS", name, [{ name: "DBInstanceIdentifier", value: instance }]);
        const records = Array.from({ length: DAY / MINUTE }, (_, i) => {
          const value = 50 + 40 * Math.sin(i / 30);
          return { timestamp: start + i * MINUTE, count: 1, sum: value, min: value, max: value };
        });
        store.put(metric, RDS_METRIC_UNITS[name], records, { resolution: 60, custom: false });
      }
    }
    for (const period of [60, 300]) {
      const queries: MetricDataQuery[] = INSTANCES.flatMap((instance, i) =>
        METRICS.map((name, j) => ({
          Id: `m${i}_${j}`,
          MetricStat: {
            Metric: {
              Namespace: "AWS/RDS",
              MetricName: name,
              Dimensions: [{ Name: "DBInstanceIdentifier", Value: instance }],
            },
            Period: period,
            Stat: "Average",
          },
        })),
      );
      const input = { StartTime: new Date(start), EndTime: new Date(end), MetricDataQueries: queries };
      const raw = () =>
        signedRequest(fleet.info.apiUrl, {
          credentials: fleet.engine.credentials.aws,
          headers: {
            "x-amz-target": "GraniteServiceVersion20100801.GetMetricData",
            "content-type": "application/x-amz-json-1.0",
          },
          body: JSON.stringify({ ...input, StartTime: start / 1000, EndTime: end / 1000 }),
        });
      const timed = async (call: () => Promise<unknown>) => {
        for (let i = 0; i < 3; i++) await call();
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const t0 = performance.now();
          await call();
          times.push(performance.now() - t0);
        }
        return `median ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
      };
      const sample = await cw.send(new GetMetricDataCommand(input));
      const datapoints = (sample.MetricDataResults ?? []).reduce((sum, r) => sum + (r.Values?.length ?? 0), 0);
      process.stdout.write(
        `GetMetricData 24 h × 4 instances × 6 metrics, Period ${period} (${datapoints} datapoints, ${REQUESTS} requests each):\n`,
      );
      process.stdout.write(`  raw signed JSON 1.0 request, to the last byte: ${await timed(raw)}\n`);
      process.stdout.write(
        `  through @aws-sdk/client-cloudwatch:            ${await timed(() => cw.send(new GetMetricDataCommand(input)))}\n`,
      );
    }
  } finally {
    rds.destroy();
    cw.destroy();
    await fleet.cleanup();
  }
}

/** CPU ticks so far of each postgres backend serving the sampler, by pid. */
function samplerBackendTicks(sampler: { activeSessions(): { backendPid: number | undefined }[] }): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const session of sampler.activeSessions()) {
    const pid = session.backendPid;
    const used = pid === undefined ? undefined : processCpuTicks(pid);
    if (pid !== undefined && used !== undefined) ticks.set(pid, used);
  }
  return ticks;
}

/** Microseconds the backends used between two readings; a backend that is new since the first counts from zero. */
function backendDelta(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, used] of after) ticks += used - (before.get(pid) ?? 0);
  return (ticks / CLOCK_TICKS_PER_SECOND) * 1_000_000;
}

main().catch((error: Error) => {
  process.stderr.write(`bench:metrics failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
