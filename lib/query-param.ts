/**
 * Shared rules for pages' query strings: a parameter holds one value (an
 * empty one means "not given"), and a refusal names the parameter it is about.
 */
import { z } from "zod";
import type { ErrorDetail } from "@/lib/errors";

export type SearchParams = Record<string, string | string[] | undefined>;

/** A query string value: one value, an empty one meaning "any". */
export const queryParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .unknown()
      .refine((v) => !Array.isArray(v), "expected one value, got several")
      .pipe(schema.optional()),
  );

export const expectedOneOf = (values: readonly string[]) => `expected one of ${values.join(", ")}`;

/** zod's issues as the page shows them: one per parameter, named by the parameter. */
export const queryIssues = (error: z.ZodError): ErrorDetail[] =>
  error.issues.map((issue) => ({ field: String(issue.path[0] ?? "query"), message: issue.message }));
