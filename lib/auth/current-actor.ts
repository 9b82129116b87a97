/**
 * Who is making this request: the signed-in user behind the session cookie,
 * read from rdsdeck's store on every request (no cookie cache), so a disabled
 * user or a changed role takes effect at once in every app process.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";
import { CLIENT_IP_HEADER, getAuth } from "./auth";
import { isRole, type Role } from "./roles";

export type Actor = { id: string; email: string; name: string; role: Role; sessionId: string };

export type RequestContext = { requestId: string; ipAddress: string | undefined };

const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

export const currentActor = cache(async (): Promise<Actor | undefined> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return undefined;
  const { user } = session;
  if (user.disabled === true || !isRole(user.role)) return undefined;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.session.id };
});

export const requestContext = cache(async (): Promise<RequestContext> => {
  const h = await headers();
  const given = h.get("x-request-id");
  return {
    requestId: given && SANE_REQUEST_ID.test(given) ? given : randomUUID(),
    ipAddress: h.get(CLIENT_IP_HEADER) ?? undefined,
  };
});
