/**
 * Who is making this request: the signed-in user behind the session cookie,
 * read from rdsdeck's store on every request (no cookie cache), so a disabled
 * user or a changed role takes effect at once in every app process. A
 * session older than RDSDECK_SESSION_HOURS is no session, whatever its
 * expiry says (better-auth never extends it either: lib/auth/auth.ts).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";
import { getConfig } from "../config";
import { CLIENT_IP_HEADER, getAuth } from "./auth";
import { isRole, type Role } from "./roles";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** Until set (by the first admin), only the change-password form is open to them. */
  mustChangePassword: boolean;
};

export type RequestContext = { requestId: string; ipAddress: string | undefined };

const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

export const currentActor = cache(async (): Promise<Actor | undefined> => actorOfRequest(await headers()));

/** The actor behind a request's session cookie (outside a request: tests pass the headers themselves). */
export async function actorOfRequest(requestHeaders: Headers, now = Date.now()): Promise<Actor | undefined> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return undefined;
  const { user } = session;
  if (user.disabled === true || !isRole(user.role)) return undefined;
  const lifetimeMs = getConfig().auth.sessionHours * 3_600_000;
  if (now - new Date(session.session.createdAt).getTime() >= lifetimeMs) return undefined;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionId: session.session.id,
    mustChangePassword: user.mustChangePassword === true,
  };
}

export const requestContext = cache(async (): Promise<RequestContext> => {
  const h = await headers();
  const given = h.get("x-request-id");
  return {
    requestId: given && SANE_REQUEST_ID.test(given) ? given : randomUUID(),
    ipAddress: h.get(CLIENT_IP_HEADER) ?? undefined,
  };
});
