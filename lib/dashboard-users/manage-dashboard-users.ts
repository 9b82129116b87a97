/**
 * Lists dashboard users, changes a role, disables or enables one (a disabled
 * user's sessions end at once, and the API keys they made stop working: in
 * this process at once, in the others at their next reload, within 2 s).
 */
import "server-only";
import { asc, eq } from "drizzle-orm";
import { reloadApiKeys } from "../api-keys/manage-api-keys";
import type { Role } from "../auth/roles";
import { Conflict, NotFound } from "../errors";
import { dashboardSessions, dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";

export type DashboardUserRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  createdAt: Date;
};

export async function listDashboardUsers(): Promise<DashboardUserRow[]> {
  return getStore()
    .db.select({
      id: dashboardUsers.id,
      email: dashboardUsers.email,
      name: dashboardUsers.name,
      role: dashboardUsers.role,
      disabled: dashboardUsers.disabled,
      createdAt: dashboardUsers.createdAt,
    })
    .from(dashboardUsers)
    .orderBy(asc(dashboardUsers.email));
}

/** An admin may not demote or disable themselves: there would be nobody left to undo it. */
function notSelf(userId: string, actorId: string, what: string): void {
  if (userId === actorId) throw new Conflict(`You cannot ${what} your own account; ask another admin.`);
}

export async function setDashboardUserRole(input: { userId: string; role: Role; actorId: string }): Promise<string> {
  if (input.role !== "admin") notSelf(input.userId, input.actorId, "demote");
  const rows = await getStore()
    .db.update(dashboardUsers)
    .set({ role: input.role, updatedAt: new Date() })
    .where(eq(dashboardUsers.id, input.userId))
    .returning({ email: dashboardUsers.email });
  if (!rows[0]) throw new NotFound("No such user.");
  return rows[0].email;
}

export async function setDashboardUserDisabled(input: {
  userId: string;
  disabled: boolean;
  actorId: string;
}): Promise<string> {
  if (input.disabled) notSelf(input.userId, input.actorId, "disable");
  const email = await getStore().db.transaction(async (tx) => {
    const rows = await tx
      .update(dashboardUsers)
      .set({ disabled: input.disabled, updatedAt: new Date() })
      .where(eq(dashboardUsers.id, input.userId))
      .returning({ email: dashboardUsers.email });
    if (!rows[0]) throw new NotFound("No such user.");
    if (input.disabled) await tx.delete(dashboardSessions).where(eq(dashboardSessions.userId, input.userId));
    return rows[0].email;
  });
  // After the commit, so the reload sees it: the key check itself never asks the store.
  await reloadApiKeys();
  return email;
}

/** The user with this email, or NotFound (an unlock for nobody would be an entry about nothing). */
export async function requireDashboardUser({ email }: { email: string }): Promise<{ id: string }> {
  const [row] = await getStore()
    .db.select({ id: dashboardUsers.id })
    .from(dashboardUsers)
    .where(eq(dashboardUsers.email, email));
  if (!row) throw new NotFound(`No user with the email ${email}.`);
  return row;
}
