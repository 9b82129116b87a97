/**
 * Passwords after sign-up: an admin resets a user's (who then signs in
 * afresh: every session of theirs ends), and a signed-in user changes their
 * own (knowing the current one; their other sessions end, and a password
 * that was handed out to them is replaced). Hashes are
 * better-auth's scrypt, never the password. A wrong current password counts
 * as a failed sign-in, so a stolen session cannot guess its way past the
 * account's lockout.
 */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getAuth } from "../auth/auth";
import { verify } from "../auth/confirm-password";
import type { RequestContext } from "../auth/current-actor";
import { withSignInLock } from "../auth/sign-in-lock";
import { Conflict, NotFound } from "../errors";
import { dashboardAccounts, dashboardSessions, dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";

const credentialOf = (userId: string) =>
  and(eq(dashboardAccounts.userId, userId), eq(dashboardAccounts.providerId, "credential"));

export async function resetDashboardUserPassword(input: {
  userId: string;
  password: string;
  actorId: string;
}): Promise<string> {
  if (input.userId === input.actorId) {
    throw new Conflict("Change your own password under Account, where your current one is asked for.");
  }
  const hash = await (await getAuth().$context).password.hash(input.password);
  return getStore().db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: dashboardUsers.email })
      .from(dashboardUsers)
      .where(eq(dashboardUsers.id, input.userId));
    if (!user) throw new NotFound("No such user.");
    const updated = await tx
      .update(dashboardAccounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(credentialOf(input.userId))
      .returning({ id: dashboardAccounts.id });
    if (updated.length === 0) throw new NotFound(`${user.email} has no password to reset.`);
    await tx.delete(dashboardSessions).where(eq(dashboardSessions.userId, input.userId));
    return user.email;
  });
}

export async function changeOwnPassword(input: {
  user: { id: string; email: string; sessionId: string };
  currentPassword: string;
  newPassword: string;
  request: RequestContext;
}): Promise<void> {
  const { user, request } = input;
  // The same locked step as signing in: parallel guesses of the current password are held to the lockout too.
  await withSignInLock({ account: user.email, address: request.ipAddress }, () => checkAndChange(input));
}

async function checkAndChange(input: {
  user: { id: string; email: string; sessionId: string };
  currentPassword: string;
  newPassword: string;
  request: RequestContext;
}): Promise<void> {
  const { user, request } = input;
  await verify({
    user,
    password: input.currentPassword,
    request,
    purpose: "changing it",
    field: "currentPassword",
    nothingWas: "changed",
  });
  const hash = await (await getAuth().$context).password.hash(input.newPassword);
  await getStore().db.transaction(async (tx) => {
    await tx.update(dashboardAccounts).set({ password: hash, updatedAt: new Date() }).where(credentialOf(user.id));
    // A password of their own now: the pages open again (the first admin's was handed out).
    await tx
      .update(dashboardUsers)
      .set({ mustChangePassword: false, updatedAt: new Date() })
      .where(eq(dashboardUsers.id, user.id));
    // Anyone signed in elsewhere with the old password is signed out; this session stays.
    await tx
      .delete(dashboardSessions)
      .where(and(eq(dashboardSessions.userId, user.id), ne(dashboardSessions.id, user.sessionId)));
  });
}
