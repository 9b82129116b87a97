/**
 * `npm run fleet:backup`: the automated backup, now, instead of waiting for
 * the backup window: asks the running engine (SIGUSR2, which it handles by
 * taking an automated snapshot of every primary with backups enabled) and
 * follows the new snapshots through DescribeDBSnapshots until they are done.
 */
import { DescribeDBSnapshotsCommand, RDSClient } from "@aws-sdk/client-rds";
import { loadEngineConfig } from "./config";
import { readCredentials } from "./pg/credentials";
import { readRuntimeInfo } from "./runtime-info";

const config = loadEngineConfig();
const info = readRuntimeInfo(config.dataDir);
if (!info) {
  process.stderr.write(`No local fleet is running on ${config.dataDir}. Start it with npm start (or npm run fleet).\n`);
  process.exit(1);
}
const rds = new RDSClient({
  endpoint: info.apiUrl,
  region: info.region,
  credentials: readCredentials(config.dataDir).aws,
  maxAttempts: 1,
});
const automated = async () =>
  (await rds.send(new DescribeDBSnapshotsCommand({ SnapshotType: "automated" }))).DBSnapshots ?? [];

const before = new Set((await automated()).map((s) => s.DBSnapshotIdentifier));
process.kill(info.pid, "SIGUSR2");
const started = Date.now();
const deadline = started + 30 * 60_000;
let failed = false;
for (;;) {
  await new Promise((r) => setTimeout(r, 1_000));
  const fresh = (await automated()).filter((s) => !before.has(s.DBSnapshotIdentifier));
  const line = fresh.map((s) => `${s.DBSnapshotIdentifier} ${s.Status} ${s.PercentProgress ?? 0}%`).join("  ");
  process.stdout.write(`${line || "waiting for the engine to start the backup…"}\n`);
  if (fresh.length === 0 && Date.now() - started > 10_000) {
    process.stderr.write(
      "No automated backup started: no instance has BackupRetentionPeriod above 0, or each is busy (see the fleet's terminal).\n",
    );
    failed = true;
    break;
  }
  if (fresh.length > 0 && fresh.every((s) => s.Status !== "creating")) {
    failed = fresh.some((s) => s.Status === "failed");
    break;
  }
  if (Date.now() > deadline) {
    process.stderr.write("The backup did not finish within 30 minutes; see the engine's log.\n");
    failed = true;
    break;
  }
}
rds.destroy();
process.exit(failed ? 1 : 0);
