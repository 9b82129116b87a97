/**
 * Sign-in throttling, counted from the audit trail itself: it is in the
 * store, so every app process sees the same failures, and they outlive a
 * restart. An account is locked after RDSDECK_SIGNIN_MAX_FAILURES failures
 * since its last successful sign-in within the window; an address after four
 * times as many (so one person guessing across accounts is slowed too). A
 * locked-out attempt is recorded as "denied", not as a failure, so the lockout
 * ends when the window has passed.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getConfig } from "../config";
import { getStore } from "../store/store-db";

export const SIGN_IN = "sign-in";

export type Lockout = { scope: "account" | "address"; retryAfterMinutes: number };

type Count = { failures: number; oldest: Date | null };

async function failures(column: "target" | "ip_address", value: string, windowMinutes: number): Promise<Count> {
  const { db } = getStore();
  const col = sql.raw(column);
  const result = await db.execute<{ failures: number; oldest: string | null }>(sql`
    select count(*)::int as failures, min(at)::text as oldest from audit_entries
    where action = ${SIGN_IN} and ${col} = ${value} and outcome = 'failed'
      and at > greatest(
        now() - make_interval(mins => ${windowMinutes}),
        coalesce((select max(at) from audit_entries where action = ${SIGN_IN} and ${col} = ${value} and outcome = 'ok'), '-infinity')
      )`);
  const row = result.rows[0];
  return { failures: row?.failures ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

function minutesLeft(oldest: Date | null, windowMinutes: number): number {
  const until = (oldest?.getTime() ?? Date.now()) + windowMinutes * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

/** The lockout in force for this account or address, if any. */
export async function currentLockout(email: string, ipAddress: string | undefined): Promise<Lockout | undefined> {
  const { maxFailures, lockoutMinutes } = getConfig().auth.signIn;
  const account = await failures("target", email, lockoutMinutes);
  if (account.failures >= maxFailures) {
    return { scope: "account", retryAfterMinutes: minutesLeft(account.oldest, lockoutMinutes) };
  }
  if (ipAddress) {
    const address = await failures("ip_address", ipAddress, lockoutMinutes);
    if (address.failures >= maxFailures * 4) {
      return { scope: "address", retryAfterMinutes: minutesLeft(address.oldest, lockoutMinutes) };
    }
  }
  return undefined;
}

export function lockoutMessage(lockout: Lockout): string {
  const minutes = `${lockout.retryAfterMinutes} minute${lockout.retryAfterMinutes === 1 ? "" : "s"}`;
  return lockout.scope === "account"
    ? `Too many failed sign-ins for this account: it is locked for ${minutes}. Try again later, or ask an admin.`
    : `Too many failed sign-ins from your address: try again in ${minutes}.`;
}
