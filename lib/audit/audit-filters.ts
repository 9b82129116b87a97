/** The audit page's and export's filters, from a query string: all optional, each validated. */
import { z } from "zod";

const text = z
  .string()
  .trim()
  .max(200, "expected at most 200 characters")
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const instant = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .pipe(
    z
      .string()
      // A datetime-local field sends no zone: the page says UTC, so it is UTC.
      .transform((s) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(s) ? `${s}Z` : s))
      .refine((s) => !Number.isNaN(Date.parse(s)), "expected a date and time, e.g. 2026-05-01T12:00")
      .transform((s) => new Date(s))
      .optional(),
  )
  .optional();

export const outcomes = ["ok", "denied", "invalid", "failed", "requested"] as const;

export const auditFilters = z.object({
  actor: text,
  action: text,
  target: text,
  outcome: z
    .string()
    .transform((s) => (s === "" ? undefined : s))
    .pipe(z.enum(outcomes, { error: "expected ok, denied, invalid, failed or requested" }).optional())
    .optional(),
  from: instant,
  to: instant,
});

export type AuditFilters = z.output<typeof auditFilters>;

/** The first value of each known parameter (a repeated one counts once). */
export function filtersFrom(query: URLSearchParams | Record<string, string | string[] | undefined>) {
  const get = (name: string) => {
    if (query instanceof URLSearchParams) return query.get(name) ?? undefined;
    const v = query[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return auditFilters.safeParse({
    actor: get("actor"),
    action: get("action"),
    target: get("target"),
    outcome: get("outcome"),
    from: get("from"),
    to: get("to"),
  });
}
