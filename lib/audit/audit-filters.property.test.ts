/** The audit page's and export's filters, from any query string. */
import fc from "fast-check";
import { expect, test } from "vitest";
import { expectIssuesNameFields, padded, searchParams } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import { auditFilters, filtersFrom, outcomes } from "./audit-filters";

const params = searchParams({
  actor: padded(fc.emailAddress()),
  action: fc.constantFrom("sign-in", "reboot", "create-user", ""),
  target: fc.string({ maxLength: 210 }),
  outcome: fc.constantFrom(...outcomes, "OK", ""),
  from: fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
    fc.constantFrom("2026-13-01T00:00", "yesterday", ""),
  ),
  to: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
});

test("audit filters: never throw; refuse naming the parameter, or yield bounded text, a known outcome and real dates", async () => {
  await checkProperty(
    "query: audit filters",
    fc.property(fc.boolean(), params, (asUrl, query) => {
      const input = asUrl
        ? new URLSearchParams(
            Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x]))),
          )
        : query;
      const parsed = filtersFrom(input);
      if (!parsed.success) return expectIssuesNameFields(parsed.error, Object.keys(auditFilters.shape));
      const { actor, action, target, outcome, from, to } = parsed.data;
      for (const text of [actor, action, target]) expect((text ?? "").length).toBeLessThanOrEqual(200);
      if (outcome !== undefined) expect(outcomes).toContain(outcome);
      for (const date of [from, to]) if (date !== undefined) expect(Number.isNaN(date.getTime())).toBe(false);
    }),
  );
});
