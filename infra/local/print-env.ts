/** `npm run fleet:env`: shell export lines for the running local fleet. Use: eval "$(npm run -s fleet:env)" */
import { loadEngineConfig } from "./config";
import { fleetEnv, toExportLines } from "./fleet-env";
import { readCredentials } from "./pg/credentials";
import { readRuntimeInfo } from "./runtime-info";

const config = loadEngineConfig();
const info = readRuntimeInfo(config.dataDir);
if (!info) {
  process.stderr.write(`No local fleet is running on ${config.dataDir}. Start it with npm start (or npm run fleet).\n`);
  process.exit(1);
}
process.stdout.write(`${toExportLines(fleetEnv(info, readCredentials(config.dataDir)))}\n`);
