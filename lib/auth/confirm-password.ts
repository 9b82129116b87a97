/**
 * Asking a signed-in user for their password again, before what a stolen
 * session must not be enough for: changing the password, creating an admin,
 * resetting someone else's password, minting a read-write key. It is the
 * same locked step as signing in (lib/auth/sign-in-lock), and a wrong
 * password is recorded as a failed sign-in of the account, so a stolen
 * session cannot guess its way past the lockout either.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { Invalid, NotFound, TooManyRequests } from "../errors";
import { dashboardAccounts } from "../store/schema";
import { getStore } from "../store/store-db";
import { getAuth } from "./auth";
import type { RequestContext } from "./current-actor";
import { withSignInLock } from "./sign-in-lock";
import { currentLockout, lockoutMessage, retryAfterSeconds, SIGN_IN } from "./sign-in-throttle";

export type PasswordCheck = {
  user: { id: string; email: string };
  password: string;
  request: RequestContext;
  /** For the audit entry of a wrong one: "changing it", "creating an admin"… */
  purpose: string;
  /** The form field the password was typed in, named by the refusal. */
  field: string;
  /** How the refusal ends: "nothing was changed" for a password change, else "nothing was done". */
  nothingWas?: "changed" | "done";
};

/** Resolves when the password is the user's; throws Invalid (wrong) or TooManyRequests (locked out). */
export async function confirmPassword(check: PasswordCheck): Promise<void> {
  await withSignInLock({ account: check.user.email, address: check.request.ipAddress }, () => verify(check));
}

/** The same check for a caller already holding the sign-in lock (changing the password acts under it). */
export async function verify(check: PasswordCheck): Promise<void> {
  const { user, password, request, purpose, field } = check;
  const lockout = await currentLockout(user.email, request.ipAddress);
  if (lockout) throw new TooManyRequests(lockoutMessage(lockout), retryAfterSeconds(lockout));
  const [account] = await getStore()
    .db.select({ hash: dashboardAccounts.password })
    .from(dashboardAccounts)
    .where(and(eq(dashboardAccounts.userId, user.id), eq(dashboardAccounts.providerId, "credential")));
  if (!account?.hash) throw new NotFound("Your account has no password.");
  const context = await getAuth().$context;
  if (await context.password.verify({ hash: account.hash, password })) return;
  await recordAudit({
    actorId: user.id,
    actor: user.email,
    action: SIGN_IN,
    target: user.email,
    outcome: "failed",
    error: `wrong current password when ${purpose}`,
    requestId: request.requestId,
    ipAddress: request.ipAddress,
  });
  const message = `Your current password is not that one; nothing was ${check.nothingWas ?? "done"}.`;
  throw new Invalid(message, { details: [{ field, message: "not your current password" }] });
}
