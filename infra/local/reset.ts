/** `npm run fleet:reset`: deletes the local fleet's data directory after saying what will go. */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { loadEngineConfig } from "./config";
import { readRuntimeInfo } from "./runtime-info";

const config = loadEngineConfig();
const dir = config.dataDir;
if (!existsSync(dir)) {
  process.stdout.write(`Nothing to reset: ${dir} does not exist.\n`);
  process.exit(0);
}
const running = readRuntimeInfo(dir);
if (running) {
  process.stderr.write(`The local fleet is running (pid ${running.pid}); stop it first (Ctrl-C in its terminal).\n`);
  process.exit(1);
}
process.stdout.write(
  `This deletes ${dir}: every database, row and snapshot of the local fleet, its generated credentials and CA (${readdirSync(dir).join(", ")}).\n`,
);
// Deleting needs a yes: typed at a terminal, or --yes for scripts. Without a terminal and without --yes, nothing goes.
const confirmed = process.argv.includes("--yes")
  ? true
  : process.stdin.isTTY
    ? (
        await createInterface({ input: process.stdin, output: process.stdout }).question("Type 'delete' to confirm: ")
      ).trim() === "delete"
    : false;
if (!confirmed) {
  process.stdout.write(
    `Nothing deleted.${process.stdin.isTTY ? "" : " (No terminal to ask: pass --yes to delete.)"}\n`,
  );
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`Deleted ${dir}.\n`);
process.exit(0);
