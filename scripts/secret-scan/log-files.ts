import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The logs a fleet's data directory holds: everything under logs/ (engine.log,
 * each node's hourly postgres logs and early output, the store's), and events.jsonl, which the events
 * page shows.
 */
export function logFilesOf(dataDir: string): string[] {
  const files: string[] = [];
  const logs = path.join(dataDir, "logs");
  if (existsSync(logs)) {
    for (const entry of readdirSync(logs, { recursive: true, encoding: "utf8" })) {
      const file = path.join(logs, entry);
      if (statSync(file).isFile()) files.push(file);
    }
  }
  const events = path.join(dataDir, "events.jsonl");
  if (existsSync(events)) files.push(events);
  return files;
}
