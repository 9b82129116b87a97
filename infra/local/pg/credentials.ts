/**
 * Credentials generated at first boot and kept in one file readable only by
 * its owner: the master user apps sign in with, the engine's own superuser and
 * replication user (as RDS keeps rdsadmin and rdsrepladmin), the access key
 * that signs requests to the local AWS API, and rdsdeck's own store (its
 * superuser, the owner that runs its migrations, the app's login — which owns
 * nothing — and the secret that signs dashboard sessions).
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const credentialsSchema = z.object({
  master: z.object({ username: z.string(), password: z.string() }),
  admin: z.object({ username: z.literal("rdsadmin"), password: z.string() }),
  replication: z.object({ username: z.literal("rdsrepladmin"), password: z.string() }),
  aws: z.object({ accessKeyId: z.string(), secretAccessKey: z.string() }),
  store: z.object({
    admin: z.object({ username: z.literal("rdsdeck_store_admin"), password: z.string() }),
    owner: z.object({ username: z.literal("rdsdeck_store_owner"), password: z.string() }),
    app: z.object({ username: z.literal("rdsdeck"), password: z.string() }),
    authSecret: z.string(),
  }),
});

export type FleetCredentials = z.infer<typeof credentialsSchema>;

export const credentialsPath = (dataDir: string) => path.join(dataDir, "credentials.json");

// URL- and conninfo-safe alphabet, so a password never needs quoting.
const secret = (bytes: number) => randomBytes(bytes).toString("base64url");

const newStoreOwner = () => ({ username: "rdsdeck_store_owner" as const, password: secret(24) });

const newStoreCredentials = (): FleetCredentials["store"] => ({
  admin: { username: "rdsdeck_store_admin", password: secret(24) },
  owner: newStoreOwner(),
  app: { username: "rdsdeck", password: secret(24) },
  authSecret: secret(32),
});

export function ensureCredentials(dataDir: string, masterUsername: string): FleetCredentials {
  const file = credentialsPath(dataDir);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const raw = JSON.parse(readFileSync(file, "utf8"));
    const upgraded = upgradeCredentials(raw);
    const parsed = credentialsSchema.safeParse(upgraded);
    if (!parsed.success) throw new Error(`${file} is not a valid rdsdeck credentials file; run npm run fleet:reset`);
    if (upgraded !== raw) writeCredentials(file, parsed.data);
    return parsed.data;
  }
  const created: FleetCredentials = {
    master: { username: masterUsername, password: secret(24) },
    admin: { username: "rdsadmin", password: secret(24) },
    replication: { username: "rdsrepladmin", password: secret(24) },
    aws: { accessKeyId: `AKIA${randomBytes(8).toString("hex").toUpperCase()}`, secretAccessKey: secret(30) },
    store: newStoreCredentials(),
  };
  writeCredentials(file, created);
  return created;
}

/**
 * A data directory from before rdsdeck had its own store gets the store's
 * credentials; one from before the store had an owner apart from the app gets
 * the owner's. Everything else is kept.
 */
function upgradeCredentials(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  if (!("store" in raw)) return { ...raw, store: newStoreCredentials() };
  const store = raw.store;
  if (store && typeof store === "object" && !("owner" in store)) {
    return { ...raw, store: { ...store, owner: newStoreOwner() } };
  }
  return raw;
}

function writeCredentials(file: string, credentials: FleetCredentials): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Writes the credentials back (a rotated master password), atomically and readable only by the owner. */
export function saveCredentials(dataDir: string, credentials: FleetCredentials): void {
  writeCredentials(credentialsPath(dataDir), credentials);
}

export function readCredentials(dataDir: string): FleetCredentials {
  return credentialsSchema.parse(JSON.parse(readFileSync(credentialsPath(dataDir), "utf8")));
}
