/**
 * `npm run bench:pitr`: point-in-time recovery on a fleet of its own.
 * Fills the writer to BENCH_PITR_GB (default 1), takes the automated backup
 * (the base backup), then writes steadily for BENCH_PITR_WAL_MINUTES (default
 * 5) while sampling, each second, how far LatestRestorableTime trails the
 * newest acknowledged commit; then restores to the latest restorable time
 * and prints how long RestoreDBInstanceToPointInTime took to `available`, and
 * checks that the restore holds every row acknowledged before that time.
 */
import {
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from "@aws-sdk/client-rds";
import type pg from "pg";
import { startBenchEngine } from "./support/bench-engine";
import { fillBulk } from "./support/snapshot-restore";

const GB = Number(process.env.BENCH_PITR_GB ?? 1);
const WAL_MINUTES = Number(process.env.BENCH_PITR_WAL_MINUTES ?? 5);
const WRITER = "production-myapp";
const log = (line: string) => console.log(line);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? Number.NaN;

const fleet = await startBenchEngine();
const { rds } = fleet;
const instanceNamed = async (id: string) =>
  (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances?.[0];

try {
  const db = await fleet.connect(undefined, 0);
  const fill = await fillBulk(db, GB * 1024 ** 3, log);
  await db.query("create table ticks (id bigint primary key, pad text)");
  await db.end();

  log("taking the automated backup (the base backup of point-in-time restore)");
  const backupStarted = performance.now();
  fleet.process.kill("SIGUSR2");
  for (;;) {
    await pause(500);
    const automated = (await rds.send(new DescribeDBSnapshotsCommand({ SnapshotType: "automated" }))).DBSnapshots ?? [];
    if (automated.some((s) => s.Status === "failed")) throw new Error("the automated backup failed");
    if (automated.length > 0 && automated.every((s) => s.Status === "available")) break;
  }
  const backupSeconds = (performance.now() - backupStarted) / 1000;

  log(`writing for ${WAL_MINUTES} min, sampling LatestRestorableTime each second`);
  const acked: { id: number; at: number }[] = [];
  let writing = true;
  const load = (async () => {
    const w: pg.Client = await fleet.connect();
    let id = 1;
    while (writing) {
      await w.query("insert into ticks values ($1, repeat('w', 500))", [id]);
      acked.push({ id, at: Date.now() });
      id++;
    }
    await w.end();
  })();
  const trail: number[] = [];
  const until = Date.now() + WAL_MINUTES * 60_000;
  while (Date.now() < until) {
    await pause(1_000);
    const latest = (await instanceNamed(WRITER))?.LatestRestorableTime?.getTime();
    const newest = acked.at(-1)?.at;
    if (latest !== undefined && newest !== undefined) trail.push(Math.max(0, newest - latest) / 1000);
  }
  writing = false;
  await load;
  const lastAcked = acked.at(-1);
  // The restore to the latest covers every acknowledged write once LatestRestorableTime has passed the last one.
  for (;;) {
    const latest = (await instanceNamed(WRITER))?.LatestRestorableTime?.getTime() ?? 0;
    if (lastAcked === undefined || latest >= lastAcked.at) break;
    await pause(200);
  }

  const target = `pitr-bench-${Date.now()}`;
  const restoreStarted = performance.now();
  await rds.send(
    new RestoreDBInstanceToPointInTimeCommand({
      SourceDBInstanceIdentifier: WRITER,
      TargetDBInstanceIdentifier: target,
      UseLatestRestorableTime: true,
    }),
  );
  let restored = await instanceNamed(target);
  while (restored?.DBInstanceStatus !== "available") {
    await pause(250);
    restored = await instanceNamed(target).catch(() => undefined);
    if (!restored) throw new Error(`${target} is gone: the restore failed (see the engine's events)`);
  }
  const restoreSeconds = (performance.now() - restoreStarted) / 1000;
  const check = await fleet.connect(restored.Endpoint?.Port, 0);
  const { rows } = await check.query<{ n: number }>("select count(*)::int as n from ticks");
  await check.end();

  const gb = (fill.databaseBytes / 1024 ** 3).toFixed(2);
  log("");
  log(
    `database ${gb} GB, automated backup ${backupSeconds.toFixed(1)} s, then ${WAL_MINUTES} min of writes (${acked.length.toLocaleString("en")} commits)`,
  );
  log(
    `LatestRestorableTime trails the newest commit: median ${quantile(trail, 0.5).toFixed(1)} s, p95 ${quantile(trail, 0.95).toFixed(1)} s, max ${Math.max(...trail).toFixed(1)} s (${trail.length} samples; goal ≤ 10 s)`,
  );
  log(
    `RestoreDBInstanceToPointInTime (latest) → available: ${restoreSeconds.toFixed(1)} s; rows ${rows[0]?.n.toLocaleString("en")} of ${acked.length.toLocaleString("en")} acknowledged (must be all)`,
  );
} finally {
  await fleet.stop();
}
