/**
 * The users API's inputs and outputs as zod schemas. Inputs are parsed with
 * them at the edge; outputs are built directly (no per-request parsing) and
 * described here only for the OpenAPI document, generated from these same
 * schemas. Unknown body fields are ignored, as the Go service ignored them, so
 * existing clients that send extra fields keep working.
 */
import { z } from "zod";
import { decodeCursor } from "./cursor";

const MAX_INT = 2_147_483_647;
export const MAX_PAGE_SIZE = 100;

// PostgreSQL text cannot hold NUL, and a lone surrogate would be stored as U+FFFD, not as sent.
const storable = (s: string) =>
  !s.includes("\u0000") && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const name = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "expected a string") })
  .trim()
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters")
  .refine(storable, "must be valid Unicode without NUL characters")
  .meta({ description: "Display name, 1–255 characters; surrounding whitespace is trimmed.", example: "Ada Lovelace" });

const email = z
  .email({ error: (issue) => (issue.input === undefined ? "is required" : "expected an email address") })
  .max(255, "must be at most 255 characters")
  .meta({
    description: "Unique among users, compared case-insensitively; stored as given.",
    example: "ada@example.com",
  });

export const userInputSchema = z
  .object({ name, email }, { error: "expected a JSON object with name and email" })
  .meta({ id: "UserInput", description: "Both fields are required (on PUT too). Unknown fields are ignored." });

export type UserInput = z.output<typeof userInputSchema>;

/** Documents a digits-only string parameter as the integer it stands for (its pattern means nothing for integers). */
const asInteger =
  (minimum: number, maximum: number, fallback?: number) =>
  ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
    delete jsonSchema.pattern;
    Object.assign(
      jsonSchema,
      { type: "integer", minimum, maximum },
      fallback === undefined ? {} : { default: fallback },
    );
  };

const wholeNumber = () =>
  z
    .string()
    .regex(/^\d{1,10}$/, "must be a whole number")
    .transform(Number);

export const userIdSchema = z
  .object({
    id: wholeNumber()
      .refine((n) => n >= 1 && n <= MAX_INT, `must be between 1 and ${MAX_INT}`)
      .meta({ param: { description: "The user's id." }, override: asInteger(1, MAX_INT) }),
  })
  .meta({ description: "Path parameters" });

const listQueryShape = {
  limit: wholeNumber()
    .refine((n) => n >= 1, "must be at least 1")
    .refine((n) => n <= MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE} (the maximum page size)`)
    .optional()
    .meta({ override: asInteger(1, MAX_PAGE_SIZE, 10) }),
  offset: wholeNumber()
    .refine((n) => n <= MAX_INT, `must be at most ${MAX_INT}`)
    .optional()
    .meta({ override: asInteger(0, MAX_INT, 0) }),
  cursor: z
    .string()
    .refine((s) => decodeCursor(s) !== undefined, "is not a cursor this API handed out (use next_cursor)")
    .optional()
    .meta({ description: "next_cursor of the previous page: keyset paging, fast at any depth." }),
};

/** For the OpenAPI document: the query parameters without the cross-field rule. */
export const listQueryDocSchema = z.object(listQueryShape);

export const listQuerySchema = z
  .object(listQueryShape)
  .refine((q) => q.cursor === undefined || (q.offset ?? 0) === 0, {
    path: ["offset"],
    message: "must be 0 or absent when cursor is given (the cursor already says where the page starts)",
  })
  .transform((q) => ({
    limit: q.limit ?? 10,
    offset: q.offset ?? 0,
    cursor: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
  }));

const timestamp = z.iso.datetime({ offset: true }).meta({ example: "2025-11-25T19:04:05.123456Z" });

export const userSchema = z
  .object({
    id: z.int().min(1).max(MAX_INT),
    name: z.string(),
    email: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "User" });

export const userListSchema = z
  .object({
    users: z.array(userSchema),
    limit: z.int(),
    offset: z.int(),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as cursor for the next page; null on the last page." }),
  })
  .meta({ id: "UserList" });
