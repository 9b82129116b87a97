/**
 * Inputs a browser or a forged request can send to a form or a page's query
 * string: each known field present or not, holding a likely value, a
 * near-miss or junk, plus fields nobody asked for.
 */
import fc from "fast-check";
import { expect } from "vitest";
import type { z } from "zod";

/** Text of every kind: control characters, lone surrogates, long runs, padding. */
export const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: "binary-ascii", maxLength: 300 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "a\u0000b", "é".repeat(256), "x".repeat(5000), "__proto__"),
);

/** Numbers as a form sends them: in range, out of range, not finite, not numbers. */
export const numberText = fc.oneof(
  fc.integer({ min: -5, max: 20 }).map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom("1e3", "0x10", " 7 ", "NaN", "Infinity", "-0", "1.5", "1,000", ""),
);

/** A valid-looking value wrapped the ways a user or client may wrap it. */
export const padded = (value: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom("", " ", "\t", "\n"), value, fc.constantFrom("", " ", "\t")).map(([a, v, b]) => a + v + b);

/**
 * A form's fields: each of `likely` (field → values it may plausibly hold)
 * present or absent, any of them possibly junk, plus unknown fields.
 */
export function formFields(likely: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Record<string, string>> {
  const known = Object.fromEntries(
    Object.entries(likely).map(([name, value]) => [name, fc.oneof({ weight: 3, arbitrary: value }, anyText)]),
  );
  return fc
    .tuple(fc.record(known, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), anyText, { maxKeys: 3 }))
    .map(([fields, extra]) => ({ ...extra, ...fields }) as Record<string, string>);
}

/** A query string's parameters as Next hands them to a page: one value, several, or none. */
export function searchParams(
  likely: Record<string, fc.Arbitrary<string>>,
): fc.Arbitrary<Record<string, string | string[] | undefined>> {
  const one = (value: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.oneof({ weight: 3, arbitrary: value }, anyText) },
      { weight: 1, arbitrary: fc.array(fc.oneof(value, anyText), { minLength: 2, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  const known = Object.fromEntries(Object.entries(likely).map(([name, value]) => [name, one(value)]));
  return fc
    .tuple(fc.record(known, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), anyText, { maxKeys: 3 }))
    .map(([params, extra]) => ({ ...extra, ...params }));
}

/** A refusal must say which field is wrong: every issue's path starts with one of the form's own fields. */
export function expectIssuesNameFields(error: z.ZodError, fields: readonly string[]): void {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    expect(fields, `issue "${issue.message}" at ${JSON.stringify(issue.path)}`).toContain(String(issue.path[0]));
    expect(issue.message.trim()).not.toBe("");
  }
}

/** A page's refusal (ErrorDetail[]) names the query parameter it is about. */
export function expectDetailsNameFields(
  details: ReadonlyArray<{ field: string; message: string }>,
  fields: readonly string[],
): void {
  expect(details.length).toBeGreaterThan(0);
  for (const detail of details) {
    expect(fields, `detail "${detail.message}"`).toContain(detail.field);
    expect(detail.message.trim()).not.toBe("");
  }
}
