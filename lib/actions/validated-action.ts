/**
 * The one wrapper every server action goes through: parse the FormData with
 * zod, act, and answer `{ ok: true, result } | { ok: false, error }` for
 * useActionState. Domain errors (Conflict, NotFound…) are written for people
 * and shown as they are; anything else is a bug: logged with the action's
 * name and input, shown as a generic message — never its own text, which may
 * hold internals. The role check and the audit entry belong here too, once
 * rdsdeck has sign-in (lib/auth): then no action can forget either.
 */
import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { type ErrorDetail, isDomainError } from "@/lib/errors";
import { log } from "@/lib/log";

export type ActionState<T> =
  | { ok: true; result: T }
  | { ok: false; error: string; hint?: string; details?: ErrorDetail[] }
  /** Before the first submission. */
  | undefined;

export function validatedAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  act: (input: z.output<S>) => Promise<T>,
): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  return async (_previous, formData) => {
    const fields = formFields(formData);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.join(".") : "form",
        message: issue.message,
      }));
      log().info({ action: name, fields, details }, "action refused: invalid input");
      return { ok: false, error: `Nothing was done: ${details.map((d) => d.message).join("; ")}.`, details };
    }
    try {
      log().info({ action: name, input: parsed.data }, "action requested");
      const result = await act(parsed.data);
      return { ok: true, result };
    } catch (error) {
      // redirect() and notFound() are Next's control flow, not failures.
      unstable_rethrow(error);
      if (isDomainError(error)) {
        return error.hint === undefined
          ? { ok: false, error: error.message }
          : { ok: false, error: error.message, hint: error.hint };
      }
      log().error({ err: error, action: name, input: parsed.data }, "action failed: internal error");
      return { ok: false, error: "The action failed unexpectedly. The server log has the details." };
    }
  };
}

/** The form's text fields; files and React's own `$ACTION_…` fields have no place in an action's input. */
function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}
