/**
 * Sign-in throttling, counted from the audit trail itself: it is in the
 * store, so every app process sees the same failures, and they outlive a
 * restart.
 *
 * - An account is locked after RDSDECK_SIGNIN_MAX_FAILURES failures within
 *   the window since its last successful sign-in or its last unlock by an
 *   admin ("unlock-sign-in", audited like any action) — so a lockout someone
 *   keeps up on purpose can be lifted at once.
 * - An address is never locked out: past four times as many failures, each
 *   further attempt must wait twice as long as the one before (1 s, 2 s, 4 s…,
 *   at most the window) after the address's latest failure. Nobody's success
 *   resets it: one account signing in from a shared address must not wipe
 *   another's guessing.
 *
 * A refused attempt is recorded as "denied", not as a failure, so refusals
 * neither extend a lockout nor grow the delay.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getConfig } from "../config";
import { getStore } from "../store/store-db";
import type { DashboardAction } from "./action-roles";

export const SIGN_IN = "sign-in";
/** The admin's action that lifts an account's lockout; the count starts again after it. */
export const UNLOCK_SIGN_IN = "unlock-sign-in" satisfies DashboardAction;

export type Lockout = { scope: "account"; retryAfterMinutes: number } | { scope: "address"; retryAfterSeconds: number };

type Count = { failures: number; oldest: Date | null; latest: Date | null };

async function accountFailures(email: string, windowMinutes: number): Promise<Count> {
  const result = await getStore().db.execute<{ failures: number; oldest: string | null; latest: string | null }>(sql`
    select count(*)::int as failures, min(at)::text as oldest, max(at)::text as latest from audit_entries
    where action = ${SIGN_IN} and target = ${email} and outcome = 'failed'
      and at > greatest(
        now() - make_interval(mins => ${windowMinutes}),
        coalesce((select max(at) from audit_entries
                  where action in (${SIGN_IN}, ${UNLOCK_SIGN_IN}) and target = ${email} and outcome = 'ok'), '-infinity')
      )`);
  return toCount(result.rows[0]);
}

async function addressFailures(ipAddress: string, windowMinutes: number): Promise<Count> {
  const result = await getStore().db.execute<{ failures: number; oldest: string | null; latest: string | null }>(sql`
    select count(*)::int as failures, min(at)::text as oldest, max(at)::text as latest from audit_entries
    where action = ${SIGN_IN} and ip_address = ${ipAddress} and outcome = 'failed'
      and at > now() - make_interval(mins => ${windowMinutes})`);
  return toCount(result.rows[0]);
}

function toCount(row: { failures: number; oldest: string | null; latest: string | null } | undefined): Count {
  return {
    failures: row?.failures ?? 0,
    oldest: row?.oldest ? new Date(row.oldest) : null,
    latest: row?.latest ? new Date(row.latest) : null,
  };
}

function minutesLeft(oldest: Date | null, windowMinutes: number): number {
  const until = (oldest?.getTime() ?? Date.now()) + windowMinutes * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

/** The wait an address owes after `beyond` failures past its allowance: 1 s, doubling, at most the window. */
export function addressDelaySeconds(beyond: number, windowMinutes: number): number {
  return Math.min(windowMinutes * 60, 2 ** Math.min(beyond, 30));
}

/** The lockout (account) or delay (address) in force, if any. */
export async function currentLockout(email: string, ipAddress: string | undefined): Promise<Lockout | undefined> {
  const { maxFailures, lockoutMinutes } = getConfig().auth.signIn;
  const account = await accountFailures(email, lockoutMinutes);
  if (account.failures >= maxFailures) {
    return { scope: "account", retryAfterMinutes: minutesLeft(account.oldest, lockoutMinutes) };
  }
  if (ipAddress) {
    const address = await addressFailures(ipAddress, lockoutMinutes);
    const allowance = maxFailures * 4;
    if (address.failures >= allowance && address.latest) {
      const delayMs = addressDelaySeconds(address.failures - allowance, lockoutMinutes) * 1000;
      const waited = Date.now() - address.latest.getTime();
      if (waited < delayMs) return { scope: "address", retryAfterSeconds: Math.ceil((delayMs - waited) / 1000) };
    }
  }
  return undefined;
}

export function lockoutMessage(lockout: Lockout): string {
  if (lockout.scope === "account") {
    const minutes = `${lockout.retryAfterMinutes} minute${lockout.retryAfterMinutes === 1 ? "" : "s"}`;
    return `Too many failed sign-ins for this account: it is locked for ${minutes}. Try again later, or ask an admin.`;
  }
  const seconds = lockout.retryAfterSeconds;
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins from your address: try again in ${wait}.`;
}

/** How long a refused caller should wait, in seconds (for Retry-After and TooManyRequests). */
export function retryAfterSeconds(lockout: Lockout): number {
  return lockout.scope === "account" ? lockout.retryAfterMinutes * 60 : lockout.retryAfterSeconds;
}
