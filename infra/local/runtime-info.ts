/**
 * What a running engine publishes about itself in <dataDir>/engine.json, so
 * `npm run fleet:env`, the launcher and tests can find its endpoints. Secrets
 * stay in credentials.json; this file only points at it.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isProcessAlive } from "./pg/process-alive";

const endpointSchema = z.object({
  id: z.string(),
  role: z.enum(["writer", "replica"]),
  host: z.string(),
  port: z.number(),
});

export const runtimeInfoSchema = z.object({
  pid: z.number(),
  apiUrl: z.string(),
  region: z.string(),
  databaseName: z.string(),
  caCertPath: z.string(),
  credentialsPath: z.string(),
  endpoints: z.array(endpointSchema),
  /** rdsdeck's own store (not an RDS instance), when this engine runs one. */
  store: z.object({ host: z.string(), port: z.number() }).optional(),
});

export type RuntimeInfo = z.infer<typeof runtimeInfoSchema>;

export const runtimeInfoPath = (dataDir: string) => path.join(dataDir, "engine.json");

export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): void {
  const file = runtimeInfoPath(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o644 });
  renameSync(`${file}.tmp`, file);
}

export function clearRuntimeInfo(dataDir: string): void {
  rmSync(runtimeInfoPath(dataDir), { force: true });
}

/** The running engine's info, or undefined when none runs (a file left by a killed engine does not count). */
export function readRuntimeInfo(dataDir: string): RuntimeInfo | undefined {
  const file = runtimeInfoPath(dataDir);
  if (!existsSync(file)) return undefined;
  const info = runtimeInfoSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  if (!isProcessAlive(info.pid)) return undefined;
  return info;
}
