/**
 * The one wrapper every server action goes through. Each action declares the
 * least role it needs, so none can forget it; the wrapper then, in order:
 * checks the session (none: 401, and an audit entry that keeps only the
 * form's field names, within a per-address limit — anyone can send these),
 * whether a new password must be set first (then only the change and
 * signing out are allowed), the role (too low: an audit entry and Next's
 * 403), parses the FormData with zod (invalid: an
 * audit entry and the problems), records the attempt ("requested" — if that
 * cannot be written, it does not act), acts, and writes the audit entry of
 * the outcome — before the result is returned, so nothing is shown that was
 * not recorded. It answers `{ ok: true, result } | { ok: false, error }` for
 * useActionState. Domain errors (Conflict, NotFound…) are written for people
 * and shown as they are; anything else is a bug: logged with the action's
 * name and input, shown as a generic message — never its own text.
 */
import "server-only";
import { forbidden, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { anonymousAuditLimiter, fieldNamesOnly } from "@/lib/audit/anonymous-audit-limit";
import { type AuditOutcome, recordAudit } from "@/lib/audit/record-audit";
import { type DashboardAction, roleFor } from "@/lib/auth/action-roles";
import { type Actor, currentActor, type RequestContext, requestContext } from "@/lib/auth/current-actor";
import { recordRoleRefusal } from "@/lib/auth/record-refusal";
import { allows } from "@/lib/auth/roles";
import { type ErrorDetail, isDomainError } from "@/lib/errors";
import { log } from "@/lib/log";

export type ActionState<T> =
  | { ok: true; result: T }
  | { ok: false; error: string; hint?: string; details?: ErrorDetail[]; status?: 401 }
  /** Before the first submission. */
  | undefined;

export type ActionSpec<S extends z.ZodType> = {
  /** The audit trail's name for it, whose row in lib/auth/action-roles.ts says the least role allowed. */
  action: DashboardAction;
  schema: S;
  /** What it acts on, for the audit trail: an instance identifier, a user's email… */
  target?: (input: z.output<S>) => string | undefined;
  /** Allowed while the user must still replace their password (the change itself, signing out). */
  beforePasswordChange?: true;
};

export type ActionContext = { actor: Actor; requestId: string };

const FAILED = "The action failed unexpectedly. The server log has the details.";

export function validatedAction<S extends z.ZodType, T>(
  spec: ActionSpec<S>,
  act: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return async (_previous, formData) => {
    const fields = formFields(formData);
    const request = await requestContext();
    const actor = await currentActor();
    const audit = auditor(spec.action, actor, request);
    if (!actor) {
      if (anonymousAuditLimiter().admit(request.ipAddress)) {
        await audit({ outcome: "denied", error: "not signed in", parameters: fieldNamesOnly(fields) });
      }
      return { ok: false, status: 401, error: "Your session has ended. Sign in again." };
    }
    if (actor.mustChangePassword && !spec.beforePasswordChange) {
      await audit({ outcome: "denied", error: "a new password must be set first", parameters: fieldNamesOnly(fields) });
      return {
        ok: false,
        error: "Nothing was done: choose a new password under Account first.",
        hint: "Your password was given to you; nothing else is allowed until you replace it.",
      };
    }
    const minimum = roleFor(spec.action);
    if (!allows(actor.role, minimum)) {
      await recordRoleRefusal({ actor, minimum, action: spec.action, parameters: fields, request });
      log().warn({ action: spec.action, actor: actor.email, role: actor.role }, "action refused: role");
      forbidden();
    }
    const parsed = spec.schema.safeParse(fields);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.join(".") : "form",
        message: issue.message,
      }));
      const error = `Nothing was done: ${details.map((d) => d.message).join("; ")}.`;
      await audit({ outcome: "invalid", error, parameters: fields });
      log().info({ action: spec.action, details }, "action refused: invalid input");
      return { ok: false, error, details };
    }
    const input = parsed.data;
    const target = spec.target?.(input);
    const parameters = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
    // The attempt is recorded before anything is done: an action the trail cannot hear of is not taken.
    try {
      await audit({ outcome: "requested", target, parameters });
    } catch (error) {
      log().error(
        { err: error, action: spec.action, requestId: request.requestId },
        "audit entry not written; not acting",
      );
      return {
        ok: false,
        error: `Nothing was done: ${spec.action} could not be recorded in the audit trail.`,
        hint: "Check that rdsdeck's store is reachable; the server log has the request id.",
      };
    }
    let result: T;
    try {
      log().info({ action: spec.action, actor: actor.email, target }, "action requested");
      result = await act(input, { actor, requestId: request.requestId });
    } catch (error) {
      // redirect() and notFound() are Next's control flow, not failures: recorded as done, then rethrown.
      try {
        unstable_rethrow(error);
      } catch (control) {
        await audit({ outcome: "ok", target, parameters });
        throw control;
      }
      if (isDomainError(error)) {
        await audit({ outcome: "failed", target, parameters, error: error.message });
        return error.hint === undefined
          ? { ok: false, error: error.message }
          : { ok: false, error: error.message, hint: error.hint };
      }
      log().error({ err: error, action: spec.action, requestId: request.requestId }, "action failed: internal error");
      await audit({ outcome: "failed", target, parameters, error: "internal error" });
      return { ok: false, error: FAILED };
    }
    try {
      await audit({ outcome: "ok", target, parameters });
    } catch (error) {
      log().error({ err: error, action: spec.action, requestId: request.requestId }, "audit entry not written");
      return {
        ok: false,
        error: `${spec.action} was done, but its audit entry could not be written: the result is withheld.`,
        hint: "Check that rdsdeck's store is reachable; the server log has the request id.",
      };
    }
    return { ok: true, result };
  };
}

function auditor(action: string, actor: Actor | undefined, request: RequestContext) {
  return (entry: { outcome: AuditOutcome; target?: string; parameters: Record<string, unknown>; error?: string }) =>
    recordAudit({
      actorId: actor?.id,
      actor: actor?.email ?? "anonymous",
      actorRole: actor?.role,
      action,
      target: entry.target,
      parameters: entry.parameters,
      outcome: entry.outcome,
      error: entry.error,
      requestId: request.requestId,
      ipAddress: request.ipAddress,
    });
}

/** The form's text fields; files and React's own `$ACTION_…` fields have no place in an action's input. */
function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}
