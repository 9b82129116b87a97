/**
 * Every app process keeps the active API keys in memory — a Map from the
 * key's sha256 to its scope and token bucket — reloaded from the store every
 * REFRESH_MS, so checking a key costs one hash and one lookup, never a query,
 * and a revoked key stops working everywhere within REFRESH_MS (at once in
 * the process that revoked it). Last use is written in batches. Rate limits
 * are token buckets per key and per process: with N app workers a key may
 * send up to N times its limit in total (documented in the README).
 *
 * A key is active while it is not revoked, not past its expiry and its
 * creator is not disabled. The reload asks the store all three; between
 * reloads the expiry is compared with the clock in memory (one comparison per
 * request), and disabling a user reloads this process at once.
 */
import "server-only";
import { and, eq, gt, inArray, isNull, notExists, or, sql } from "drizzle-orm";
import { Forbidden, TooManyRequests, Unauthorized, Unavailable } from "../errors";
import { log } from "../log";
import { apiKeys, dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";
import { type ApiKeyScope, hashApiKey } from "./api-key-format";

const REFRESH_MS = 2_000;
const LAST_USE_FLUSH_MS = 5_000;

/** Who a key is, as the audit trail names it (never the key itself). */
export type ApiKeyIdentity = { id: number; name: string; prefix: string; scope: ApiKeyScope };

/** `expiresAt`: epoch milliseconds, Infinity for a key without expiry. */
type Entry = ApiKeyIdentity & { ratePerSecond: number; tokens: number; refilledAt: number; expiresAt: number };

const NOT_VALID = "The API key is not valid, or was revoked.";

export class ApiKeyRegistry {
  private keys = new Map<string, Entry>();
  private used = new Set<number>();
  private loaded: Promise<void> | undefined;
  private ready = false;
  private timers: NodeJS.Timeout[] = [];
  /** Reloads are numbered as they start: one that started earlier never replaces what a later one loaded. */
  private started = 0;
  private applied = 0;

  /** Starts the periodic reload and last-use flush (idempotent). */
  start(): Promise<void> {
    if (this.loaded) return this.loaded;
    this.loaded = this.refresh();
    this.loaded.catch(() => {
      this.loaded = undefined; // the next request tries again
    });
    return this.loaded;
  }

  private ensureTimers(): void {
    if (this.timers.length > 0) return;
    this.timers.push(
      setInterval(() => void this.refresh().catch(() => {}), REFRESH_MS).unref(),
      setInterval(() => void this.flushLastUse(), LAST_USE_FLUSH_MS).unref(),
    );
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.loaded = undefined;
    this.ready = false;
  }

  async refresh(): Promise<void> {
    this.ensureTimers();
    const generation = ++this.started;
    try {
      const rows = await getStore()
        .db.select({
          id: apiKeys.id,
          name: apiKeys.name,
          prefix: apiKeys.prefix,
          hash: apiKeys.hash,
          scope: apiKeys.scope,
          rate: apiKeys.rateLimitPerSecond,
          expiresAt: apiKeys.expiresAt,
        })
        .from(apiKeys)
        .where(
          and(
            isNull(apiKeys.revokedAt),
            or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)),
            // Users are disabled, never deleted: a creator without a row (a key made by a script) stays active.
            notExists(
              getStore()
                .db.select({ one: sql`1` })
                .from(dashboardUsers)
                .where(and(eq(dashboardUsers.email, apiKeys.createdBy), eq(dashboardUsers.disabled, true))),
            ),
          ),
        );
      const next = new Map<string, Entry>();
      for (const row of rows) {
        const previous = this.keys.get(row.hash);
        const expiresAt = row.expiresAt ? row.expiresAt.getTime() : Number.POSITIVE_INFINITY;
        // A key keeps its bucket across reloads, so reloading never hands out a fresh burst.
        next.set(
          row.hash,
          previous && previous.ratePerSecond === row.rate && previous.name === row.name
            ? Object.assign(previous, { expiresAt })
            : {
                id: row.id,
                name: row.name,
                prefix: row.prefix,
                scope: row.scope === "read-write" ? "read-write" : "read",
                ratePerSecond: row.rate,
                tokens: row.rate,
                refilledAt: Date.now(),
                expiresAt,
              },
        );
      }
      // An older reload finishing late (a slower connection) would bring back a revoked key or drop a new one.
      if (generation < this.applied) return;
      this.applied = generation;
      this.keys = next;
      this.ready = true;
    } catch (error) {
      // Keys known so far keep working while the store is unreachable; the log says so once per attempt.
      log().warn({ reason: (error as Error).message }, "API keys could not be reloaded from the store");
      throw error;
    }
  }

  /**
   * Checks the request's Authorization header for the scope it needs; throws
   * the 401, 403 or 429 to answer. Synchronous once the keys are loaded.
   */
  check(authorization: string | undefined, needed: ApiKeyScope, now = Date.now()): void | Promise<void> {
    if (!this.ready) {
      return this.start().then(
        () => this.check(authorization, needed, now),
        () => {
          throw new Unavailable("API keys cannot be checked: rdsdeck's store cannot be reached.", {
            retryAfterSeconds: 2,
          });
        },
      );
    }
    const key = bearer(authorization);
    if (key === undefined) {
      throw new Unauthorized("Send an API key: Authorization: Bearer <key>.");
    }
    const entry = this.keys.get(hashApiKey(key));
    // An expired key is answered as a revoked one: the caller learns nothing about which it was.
    if (!entry || now >= entry.expiresAt) throw new Unauthorized(NOT_VALID);
    if (needed === "read-write" && entry.scope !== "read-write") {
      throw new Forbidden("This API key may only read: writing needs a read-write key.");
    }
    entry.tokens = Math.min(
      entry.ratePerSecond,
      entry.tokens + (Math.max(0, now - entry.refilledAt) / 1000) * entry.ratePerSecond,
    );
    entry.refilledAt = now;
    if (entry.tokens < 1) {
      throw new TooManyRequests(
        `This API key may send ${entry.ratePerSecond} requests per second.`,
        Math.max(1, Math.ceil((1 - entry.tokens) / entry.ratePerSecond)),
      );
    }
    entry.tokens -= 1;
    this.used.add(entry.id);
  }

  /** The key a request's Authorization header names, if it is an active one: for the audit trail. */
  identify(authorization: string | undefined): ApiKeyIdentity | undefined {
    const key = bearer(authorization);
    const entry = key === undefined ? undefined : this.keys.get(hashApiKey(key));
    if (!entry || Date.now() >= entry.expiresAt) return undefined;
    return { id: entry.id, name: entry.name, prefix: entry.prefix, scope: entry.scope };
  }

  async flushLastUse(): Promise<void> {
    if (this.used.size === 0) return;
    const ids = [...this.used];
    this.used.clear();
    try {
      await getStore().db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(inArray(apiKeys.id, ids));
    } catch (error) {
      for (const id of ids) this.used.add(id); // next time
      log().warn({ reason: (error as Error).message, keys: ids.length }, "API keys' last use could not be recorded");
    }
  }
}

function bearer(header: string | undefined): string | undefined {
  if (!header || header.length > 200) return undefined;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m?.[1];
}

const globalKey = Symbol.for("rdsdeck.apiKeyRegistry");
type Holder = { [globalKey]?: ApiKeyRegistry };

/** The process's registry (shared by the route files and the node:http fast path). */
export function apiKeyRegistry(): ApiKeyRegistry {
  const holder = globalThis as Holder;
  holder[globalKey] ??= new ApiKeyRegistry();
  return holder[globalKey];
}
