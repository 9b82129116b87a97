/**
 * The dashboard's roles, each allowed everything the one before it is:
 * viewer reads everything; operator also acts on the fleet (snapshots,
 * reboots, failovers, promotions, restores, creating and editing alarms);
 * admin also destroys data, silences alarms (deletes them, switches their
 * notifications off) and manages users, roles and API keys.
 */
import { z } from "zod";

export const roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, { error: "expected viewer, operator or admin" });

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** True when `role` may do what `minimum` may. An unknown role (a bad row) may do nothing. */
export function allows(role: string | undefined, minimum: Role): boolean {
  return role !== undefined && Object.hasOwn(rank, role) && rank[role as Role] >= rank[minimum];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && Object.hasOwn(rank, value);
}
