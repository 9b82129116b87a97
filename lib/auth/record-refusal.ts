/**
 * The audit entry of a request refused for its role, written the same way
 * by pages (require-role.ts), dashboard route handlers (route-guard.ts) and
 * server actions (lib/actions/validated-action.ts).
 */
import "server-only";
import { recordAudit } from "../audit/record-audit";
import { type Actor, type RequestContext, requestContext } from "./current-actor";
import type { Role } from "./roles";

export async function recordRoleRefusal(o: {
  actor: Actor;
  /** The least role the refused request needed. */
  minimum: Role;
  action: string;
  target?: string;
  parameters?: Record<string, unknown>;
  /** The request's id and address, when the caller has read them already. */
  request?: RequestContext;
}): Promise<void> {
  const { requestId, ipAddress } = o.request ?? (await requestContext());
  await recordAudit({
    actorId: o.actor.id,
    actor: o.actor.email,
    actorRole: o.actor.role,
    action: o.action,
    target: o.target,
    parameters: o.parameters,
    outcome: "denied",
    error: `needs the ${o.minimum} role`,
    requestId,
    ipAddress,
  });
}
