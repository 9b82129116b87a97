import { z } from "zod";

/**
 * Destructive actions carry the name of what they destroy typed again. The
 * dialogs enforce it too, but a request can be sent without them: this check
 * is the one that counts. `target` is the form field holding the name, `what`
 * says what it is ("the DB instance identifier"), `action` what is confirmed ("failover").
 */
export function withTypedConfirmation<const K extends string, S extends z.ZodRawShape>(
  target: K,
  shape: S,
  { what, action }: { what: string; action: string },
) {
  return z.object({ ...shape, confirmation: z.string({ error: `Type ${what} to confirm the ${action}` }) }).refine(
    (form) => {
      const fields = form as Record<string, unknown>;
      return typeof fields.confirmation === "string" && fields.confirmation.trim() === String(fields[target]);
    },
    {
      path: ["confirmation"],
      message: `The confirmation does not match ${what}`,
    },
  );
}
