/**
 * Creates a dashboard user with a password, in one transaction: the user row
 * and its credential account (better-auth's scrypt hash, never the password).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { getAuth } from "../auth/auth";
import type { Role } from "../auth/roles";
import { isUniqueViolation } from "../db/driver-error";
import { Conflict } from "../errors";
import { dashboardAccounts, dashboardUsers } from "../store/schema";
import { getStore } from "../store/store-db";

const newId = () => randomBytes(16).toString("base64url");

export async function createDashboardUser(input: {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** The password was handed over, not chosen: the first sign-in must replace it. */
  mustChangePassword?: boolean;
}): Promise<{ id: string }> {
  const context = await getAuth().$context;
  const hash = await context.password.hash(input.password);
  const id = newId();
  try {
    await getStore().db.transaction(async (tx) => {
      await tx.insert(dashboardUsers).values({
        id,
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        emailVerified: true,
        mustChangePassword: input.mustChangePassword ?? false,
      });
      await tx
        .insert(dashboardAccounts)
        .values({ id: newId(), userId: id, accountId: id, providerId: "credential", password: hash });
    });
  } catch (error) {
    if (isUniqueViolation(error, "dashboard_users_email_key")) {
      throw new Conflict(`A user with the email ${input.email} already exists.`);
    }
    throw error;
  }
  return { id };
}
