/**
 * Two outputs: structured engine logs (pino, one JSON line per event, secrets
 * redacted) in <dataDir>/logs/engine.log, and short progress lines for the
 * person at the terminal.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import pino from "pino";

export type Progress = (message: string) => void;

export const REDACT_PATHS = [
  "password",
  "*.password",
  "secretAccessKey",
  "*.secretAccessKey",
  "authorization",
  "*.authorization",
];

export function createEngineLogger(dataDir: string): pino.Logger {
  const dir = path.join(dataDir, "logs");
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return pino(
    { name: "rdsdeck-local", redact: { paths: REDACT_PATHS, censor: "[redacted]" } },
    pino.destination({ dest: path.join(dir, "engine.log"), append: true, sync: false, mkdir: true }),
  );
}

const started = Date.now();

export const terminalProgress: Progress = (message) => {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  process.stdout.write(`[fleet ${t}s] ${message}\n`);
};
