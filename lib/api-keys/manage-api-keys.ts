/**
 * Creating (the key is returned once, and only its hash is kept, with an
 * optional expiry), listing and revoking API keys.
 */
import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { NotFound } from "../errors";
import { log } from "../log";
import { apiKeys, dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";
import { type ApiKeyScope, generateApiKey, hashApiKey, keyPrefix } from "./api-key-format";
import { apiKeyRegistry } from "./key-registry";

export type NewApiKey = { id: number; key: string };

export async function createApiKey(input: {
  name: string;
  scope: ApiKeyScope;
  rateLimitPerSecond: number;
  /** The creator's email: the key stops working while that user is disabled. */
  createdBy: string;
  /** Undefined: until revoked. */
  expiresAt?: Date;
}): Promise<NewApiKey> {
  const key = generateApiKey();
  const [row] = await getStore()
    .db.insert(apiKeys)
    .values({ ...input, prefix: keyPrefix(key), hash: hashApiKey(key) })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error("insert returned no row");
  // Shown once, and used at once: this process knows it now (a reload that starts after the commit sees it);
  // the other processes within one reload interval.
  await reloadApiKeys();
  return { id: row.id, key };
}

export async function revokeApiKey({ id }: { id: number }): Promise<string> {
  const [row] = await getStore()
    .db.update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name });
  if (!row) throw new NotFound(`No active API key with id ${id}.`);
  // This process forgets it now; the others within one refresh interval.
  await reloadApiKeys();
  return row.name;
}

/**
 * After a committed change to keys or to their creators: this process's key
 * check learns it now, the others at their next reload. The change is
 * committed whatever happens here: a failed reload only leaves it to the
 * next periodic one.
 */
export async function reloadApiKeys(): Promise<void> {
  try {
    await apiKeyRegistry().refresh();
  } catch (error) {
    log().warn({ reason: (error as Error).message }, "API keys not reloaded after a change; the next reload will");
  }
}

export async function listApiKeys() {
  return getStore()
    .db.select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scope: apiKeys.scope,
      rateLimitPerSecond: apiKeys.rateLimitPerSecond,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      creatorDisabled: sql<boolean>`coalesce(${dashboardUsers.disabled}, false)`,
    })
    .from(apiKeys)
    .leftJoin(dashboardUsers, eq(dashboardUsers.email, apiKeys.createdBy))
    .orderBy(desc(apiKeys.id));
}
