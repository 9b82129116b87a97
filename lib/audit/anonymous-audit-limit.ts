/**
 * How many audit entries a request without a valid session may cause. Anyone
 * can send such requests (a cookie with the session's name gets past the
 * proxy), so each entry costs them nothing and the store a row: per address
 * and per process, at most PER_ADDRESS entries an hour, and at most GLOBAL in
 * all, whatever the number of addresses. Past that the request is refused as
 * before, only not recorded; the log says once per address and window that
 * entries are being dropped. Kept in memory: counting in the store would cost
 * a query per request of the very flood it is there to stop. With N app
 * workers each has its own counts (at most N times as many entries).
 */
import { log } from "../log";

export type AnonymousAuditLimits = { perAddress: number; global: number; windowMs: number };

export const ANONYMOUS_AUDIT_LIMITS: AnonymousAuditLimits = { perAddress: 20, global: 600, windowMs: 3_600_000 };

/** Addresses tracked at once; beyond it, new addresses share only the global budget. */
const MAX_ADDRESSES = 10_000;
/** A full table is swept of expired windows at most this often: never a full scan per request of a flood. */
const SWEEP_MS = 1_000;

type Window = { startedAt: number; count: number; warned: boolean };

export class AnonymousAuditLimiter {
  private addresses = new Map<string, Window>();
  private all: Window = { startedAt: 0, count: 0, warned: false };
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly limits: AnonymousAuditLimits = ANONYMOUS_AUDIT_LIMITS) {}

  /** True when an entry for this request may be written (and counts it). */
  admit(address: string | undefined, now = Date.now()): boolean {
    const key = address ?? "unknown";
    if (now - this.all.startedAt >= this.limits.windowMs) this.all = { startedAt: now, count: 0, warned: false };
    let mine = this.addresses.get(key);
    if (mine && now - mine.startedAt >= this.limits.windowMs) mine = undefined;
    if (!mine) {
      if (this.addresses.size >= MAX_ADDRESSES && now - this.sweptAt >= SWEEP_MS) this.forgetExpired(now);
      mine = { startedAt: now, count: 0, warned: false };
      if (this.addresses.size < MAX_ADDRESSES) this.addresses.set(key, mine);
    }
    if (mine.count >= this.limits.perAddress) return this.refuse(mine, { address: key }, "per address");
    if (this.all.count >= this.limits.global) return this.refuse(this.all, {}, "in all");
    mine.count++;
    this.all.count++;
    return true;
  }

  private refuse(window: Window, context: { address?: string }, scope: string): false {
    if (!window.warned) {
      window.warned = true;
      log().warn(
        { ...context, limit: scope === "in all" ? this.limits.global : this.limits.perAddress },
        `audit entries of requests without a session dropped for the rest of the window (limit ${scope})`,
      );
    }
    return false;
  }

  private forgetExpired(now: number): void {
    this.sweptAt = now;
    for (const [key, window] of this.addresses) {
      if (now - window.startedAt >= this.limits.windowMs) this.addresses.delete(key);
    }
  }
}

const globalKey = Symbol.for("rdsdeck.anonymousAuditLimiter");
type Holder = { [globalKey]?: AnonymousAuditLimiter };

/** The process's limiter, shared by every server action and the sign-in form. */
export function anonymousAuditLimiter(): AnonymousAuditLimiter {
  const holder = globalThis as Holder;
  holder[globalKey] ??= new AnonymousAuditLimiter();
  return holder[globalKey];
}

/** What is kept of a form sent without a session: the names of its fields, never their values. */
export function fieldNamesOnly(fields: Record<string, unknown>): { fields: string[] } {
  return {
    fields: Object.keys(fields)
      .slice(0, 50)
      .map((name) => name.slice(0, 100)),
  };
}
