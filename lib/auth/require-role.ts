/**
 * The check every page makes first: signed in (else to the sign-in page),
 * with a password of their own (else to the form that sets one: the first
 * admin's was handed out), and allowed (else Next's 403 page, and an audit
 * entry). proxy.ts redirects requests without a session cookie early, but
 * this is the check that counts.
 */
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { type Actor, currentActor } from "./current-actor";
import { recordRoleRefusal } from "./record-refusal";
import { allows, type Role } from "./roles";

/** Where a user who must replace their password is sent from every other page. */
export const CHANGE_PASSWORD_PAGE = "/account";

export async function requireRole(minimum: Role, page: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(page)}`);
  if (actor.mustChangePassword && page !== CHANGE_PASSWORD_PAGE) redirect(CHANGE_PASSWORD_PAGE);
  if (!allows(actor.role, minimum)) {
    await recordRoleRefusal({ actor, minimum, action: "view-page", target: page });
    forbidden();
  }
  return actor;
}
