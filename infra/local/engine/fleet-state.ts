/**
 * What the engine must remember across restarts: which physical node serves
 * which instance and role, and on which port. Written atomically; `complete`
 * is set only once a first boot has finished, so a half-initialised data
 * directory is recognised and rebuilt rather than trusted.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const nodeSchema = z.object({ name: z.string(), port: z.number().int() });

const stateSchema = z.object({
  formatVersion: z.literal(1),
  pgMajor: z.string(),
  complete: z.boolean(),
  writer: z.object({
    id: z.string(),
    createdAt: z.string(),
    endpointPort: z.number().int(),
    dbiResourceId: z.string(),
    primary: nodeSchema.extend({ az: z.string() }),
    standby: nodeSchema.extend({ az: z.string() }).optional(),
    /** Set when the standby's data no longer matches the writer (after a failover) until it is re-cloned. */
    standbyNeedsRebuild: z.boolean().optional(),
  }),
  replicas: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      dbiResourceId: z.string(),
      node: nodeSchema.extend({ az: z.string() }),
    }),
  ),
});

export type FleetState = z.infer<typeof stateSchema>;

export const statePath = (dataDir: string) => path.join(dataDir, "fleet-state.json");

export function readState(dataDir: string): FleetState | undefined {
  const file = statePath(dataDir);
  if (!existsSync(file)) return undefined;
  const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(`${file} is damaged (${parsed.error.issues[0]?.message}); run npm run fleet:reset`);
  return parsed.data;
}

export function writeState(dataDir: string, state: FleetState): void {
  const file = statePath(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
