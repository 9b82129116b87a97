/**
 * `npm run bench:failover`: failover drills under a steady write load through
 * the writer endpoint — half RebootDBInstance with ForceFailover, half kill -9
 * of the writer's postgres — printing for each drill and as median/max:
 * RTO (fault → first acknowledged write on the new writer, found as the end of
 * the longest pause in acknowledgments) and RPO
 * (acknowledged writes missing afterwards; must be 0).
 * Goal: median RTO ≤ 3 s manual, ≤ 10 s automatic.
 *
 * Then, on the same fleet, snapshot and restore of a database filled to
 * BENCH_SNAPSHOT_GB (default 1): CreateDBSnapshot until available, and
 * RestoreDBInstanceFromDBSnapshot until the new instance is available.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DescribeEventsCommand, RebootDBInstanceCommand } from "@aws-sdk/client-rds";
import type pg from "pg";
import { readState } from "../infra/local/engine/fleet-state";
import { startBenchEngine } from "./support/bench-engine";
import { measureSnapshotAndRestore, type SnapshotRestoreFigures } from "./support/snapshot-restore";

const DRILLS = Number(process.env.BENCH_DRILLS ?? 10);
const SNAPSHOT_GB = Number(process.env.BENCH_SNAPSHOT_GB ?? 1);
const WRITER = "production-myapp";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const fleet = await startBenchEngine();
const { dataDir, rds, writerPort, connect } = fleet;

/** Acknowledged ids with the time each was acknowledged. */
const acked: { id: number; at: number }[] = [];
let nextId = 1;
let running = true;
const load = (async () => {
  let db: pg.Client | undefined;
  while (running) {
    try {
      db ??= await connect();
      const id = nextId++;
      await db.query("insert into drill (id) values ($1)", [id]);
      acked.push({ id, at: performance.now() });
    } catch {
      await db?.end().catch(() => undefined);
      db = undefined;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  await db?.end().catch(() => undefined);
})();

const setup = await connect();
await setup.query("create table if not exists drill (id bigint primary key)");
await setup.end();

async function waitCompleted(since: Date): Promise<void> {
  for (;;) {
    const events =
      (
        await rds.send(
          new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: WRITER, StartTime: since }),
        )
      ).Events ?? [];
    if (events.some((e) => e.Message === "Multi-AZ failover has completed.")) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const results: { kind: "manual" | "automatic"; rtoMs: number; rpo: number }[] = [];
let snapshotFigures: SnapshotRestoreFigures | undefined;
try {
  for (let drill = 1; drill <= DRILLS; drill++) {
    const kind = drill % 2 === 1 ? "manual" : "automatic";
    await new Promise((r) => setTimeout(r, 1_000)); // steady load before the fault
    const since = new Date();
    const fault = performance.now();
    if (kind === "manual") {
      await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: WRITER, ForceFailover: true }));
    } else {
      const pid = Number(
        readFileSync(path.join(dataDir, "nodes", currentWriterNode(), "postmaster.pid"), "utf8").split("\n")[0],
      );
      process.kill(pid, "SIGKILL");
    }
    await waitCompleted(since);
    const completed = performance.now();
    const rtoMs = recoveryTime(fault, completed);
    const check = await connect();
    const ids = acked.map((a) => a.id);
    const { rows } = await check.query("select count(*)::int as n from drill where id = any($1::bigint[])", [ids]);
    await check.end();
    const rpo = ids.length - (rows[0].n as number);
    results.push({ kind, rtoMs, rpo });
    console.log(
      `drill ${String(drill).padStart(2)} ${kind.padEnd(9)} RTO ${(rtoMs / 1000).toFixed(2)} s  RPO ${rpo} lost of ${ids.length} acknowledged`,
    );
  }
  running = false;
  await load;
  if (SNAPSHOT_GB > 0) {
    snapshotFigures = await measureSnapshotAndRestore({
      rds,
      writer: WRITER,
      targetBytes: SNAPSHOT_GB * 1024 ** 3,
      connect: (port) => connect(port ?? writerPort, 0),
      log: (line) => console.log(line),
    });
  }
} finally {
  running = false;
  await load;
  await fleet.stop();
}
for (const kind of ["manual", "automatic"] as const) {
  const r = results.filter((x) => x.kind === kind);
  if (r.length === 0) continue;
  const rto = r.map((x) => x.rtoMs);
  console.log(
    `${kind.padEnd(9)} ${r.length} drills: RTO median ${(median(rto) / 1000).toFixed(2)} s, max ${(Math.max(...rto) / 1000).toFixed(2)} s (goal median ≤ ${kind === "manual" ? 3 : 10} s); RPO max ${Math.max(...r.map((x) => x.rpo))} (must be 0)`,
  );
}

if (snapshotFigures) {
  const f = snapshotFigures;
  const gb = (f.databaseBytes / 1024 ** 3).toFixed(2);
  console.log(
    `snapshot+restore database ${gb} GB (${f.rows.toLocaleString("en")} rows, filled in ${f.fillSeconds.toFixed(1)} s): CreateDBSnapshot → available ${f.snapshotSeconds.toFixed(1)} s, RestoreDBInstanceFromDBSnapshot → available ${f.restoreSeconds.toFixed(1)} s`,
  );
}

/**
 * Writes stop at some point after the fault and resume on the new writer: the
 * longest pause between acknowledgments in the drill is that switch. RTO runs
 * from the fault to the first acknowledgment after it.
 */
function recoveryTime(fault: number, completed: number): number {
  const times = [fault, ...acked.filter((a) => a.at > fault && a.at <= completed).map((a) => a.at)];
  let longest = { gap: -1, end: Number.NaN };
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    if (gap > longest.gap) longest = { gap, end: times[i]! };
  }
  return longest.end - fault;
}

function currentWriterNode(): string {
  const state = readState(dataDir);
  const writer = state?.instances.find((i) => i.id === WRITER);
  if (!writer) throw new Error(`no ${WRITER} in ${dataDir}/fleet-state.json`);
  return writer.node.name;
}
