/**
 * One sign-in attempt, as one locked step (lib/auth/sign-in-lock): the
 * lockout check, the password check (better-auth's scrypt) and the audit
 * entry, in that order, with the entry written before any session is opened —
 * an attempt whose entry cannot be written opens none.
 *
 * What it tells the person is the same for an unknown email and a wrong
 * password; only someone who gave the right password learns that the account
 * is disabled. What it records names the account only when there is one: text
 * typed in the email field that matches nobody (sometimes a password) is
 * never kept.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { dashboardAccounts, dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";
import { getAuth } from "./auth";
import { withSignInLock } from "./sign-in-lock";
import { currentLockout, lockoutMessage, SIGN_IN } from "./sign-in-throttle";

export type SignInResult = { ok: true } | { ok: false; error: string };

export type SignInAttempt = { email: string; password: string; requestId: string; ipAddress: string | undefined };

export type KnownUser = { id: string; email: string; role: string; disabled: boolean; passwordHash: string | null };

export const WRONG = "Wrong email or password.";
export const DISABLED = "This account is disabled. Ask an admin to enable it.";

/**
 * `openSession` runs only after the "ok" entry is written; if it fails, a
 * second entry says so and the attempt fails.
 */
export async function attemptSignIn(
  attempt: SignInAttempt,
  openSession: (user: KnownUser) => Promise<void>,
): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  return withSignInLock({ account: email, address: attempt.ipAddress }, async () => {
    const user = await findUser(email);
    // Until the password is right, whoever is trying is not known to be the account's user: no id, no role.
    const entry = {
      actor: user ? email : "anonymous",
      action: SIGN_IN,
      target: user ? email : null,
      requestId: attempt.requestId,
      ipAddress: attempt.ipAddress,
    };
    const lockout = await currentLockout(email, attempt.ipAddress);
    if (lockout) {
      await recordAudit({ ...entry, outcome: "denied", error: `locked out (${lockout.scope})` });
      return { ok: false, error: lockoutMessage(lockout) };
    }
    if (!(await passwordMatches(user, attempt.password))) {
      await recordAudit({ ...entry, outcome: "failed", error: user ? "wrong password" : "no such account" });
      const now = await currentLockout(email, attempt.ipAddress);
      return { ok: false, error: now ? `${WRONG} ${lockoutMessage(now)}` : WRONG };
    }
    if (!user || user.disabled) {
      await recordAudit({ ...entry, outcome: "failed", error: "account disabled" });
      return { ok: false, error: DISABLED };
    }
    const signedIn = { ...entry, actorId: user.id, actorRole: user.role };
    await recordAudit({ ...signedIn, outcome: "ok" });
    try {
      await openSession(user);
    } catch (error) {
      await recordAudit({ ...signedIn, outcome: "failed", error: "the session could not be opened" });
      throw error;
    }
    return { ok: true };
  });
}

async function findUser(email: string): Promise<KnownUser | undefined> {
  const [row] = await getStore()
    .db.select({
      id: dashboardUsers.id,
      email: dashboardUsers.email,
      role: dashboardUsers.role,
      disabled: dashboardUsers.disabled,
      passwordHash: dashboardAccounts.password,
    })
    .from(dashboardUsers)
    .leftJoin(
      dashboardAccounts,
      and(eq(dashboardAccounts.userId, dashboardUsers.id), eq(dashboardAccounts.providerId, "credential")),
    )
    .where(eq(dashboardUsers.email, email));
  return row;
}

/** Unknown accounts cost a hash too, so the answer's timing does not tell which emails exist. */
async function passwordMatches(user: KnownUser | undefined, password: string): Promise<boolean> {
  const { password: hasher } = await getAuth().$context;
  if (!user?.passwordHash) {
    await hasher.hash(password);
    return false;
  }
  return hasher.verify({ hash: user.passwordHash, password });
}
