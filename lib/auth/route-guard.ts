/**
 * The check every dashboard route handler makes (the users API has its own,
 * by API key, in lib/api): a session with at least the given role, else a
 * JSON 401 or 403 in the API's error shape, and an audit entry for a 403.
 */
import "server-only";
import { type Actor, currentActor } from "./current-actor";
import { recordRoleRefusal } from "./record-refusal";
import { allows, type Role } from "./roles";

export type GuardedHandler = (request: Request, actor: Actor) => Promise<Response>;

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });

export function guardedRoute(
  minimum: Role,
  name: string,
  handler: GuardedHandler,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const actor = await currentActor();
    if (!actor) return json(401, { error: "Sign in first.", code: "unauthorized" });
    if (actor.mustChangePassword) {
      return json(403, { error: "Choose a new password under Account first.", code: "forbidden" });
    }
    if (!allows(actor.role, minimum)) {
      await recordRoleRefusal({ actor, minimum, action: name, target: new URL(request.url).pathname });
      return json(403, { error: `This needs the ${minimum} role.`, code: "forbidden" });
    }
    return handler(request, actor);
  };
}
