/**
 * The users API's OpenAPI 3.1 document, generated from the same zod schemas
 * that validate requests, so the two cannot drift apart.
 */
import { z } from "zod";
import { createDocument, type ZodOpenApiResponsesObject } from "zod-openapi";
import { errorSchema, healthSchema } from "./error-schemas";
import { listQueryDocSchema, userIdSchema, userInputSchema, userListSchema, userSchema } from "./user-schemas";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const failure = (description: string) => ({ description, ...json(errorSchema) });

const lsnHeaders = z.object({
  "x-rdsdeck-lsn": z.string().meta({
    description: "The writer's WAL position after this write. Send it back on reads to see this write.",
    example: "0/3000060",
  }),
  "set-cookie": z.string().meta({ description: "rdsdeck_lsn=<the same position>; short-lived, for browsers." }),
});

const readParams = z.object({
  "x-rdsdeck-lsn": z
    .string()
    .optional()
    .meta({ description: "A write's X-Rdsdeck-Lsn: the read is served only by a server that has it." }),
});

const common: ZodOpenApiResponsesObject = {
  "400": failure("Invalid input: details names each bad field (also malformed JSON, ids, limits, cursors, LSNs)."),
  "405": failure("Method not allowed; the Allow header lists the allowed ones."),
  "500": failure("Internal error; the response carries X-Request-Id, the log has the rest."),
  "503": failure("No writer (or no server at all) is reachable; retry after Retry-After seconds."),
};

const body = { required: true, ...json(userInputSchema) };
const written = (description: string) => ({ description, headers: lsnHeaders, ...json(userSchema) });

export function usersOpenApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: "3.1.0",
    info: { title: "rdsdeck users API", version: "1.0.0" },
    paths: {
      "/api/v1/users": {
        get: {
          summary: "List users, newest first",
          requestParams: { query: listQueryDocSchema, header: readParams },
          responses: { "200": { description: "A page of users", ...json(userListSchema) }, ...common },
        },
        post: {
          summary: "Create a user",
          requestBody: body,
          responses: {
            "201": written("Created"),
            "409": failure("The email is already used (case-insensitively): code email_taken."),
            "413": failure("Body larger than 16 KiB."),
            "415": failure("Body not sent as application/json."),
            ...common,
          },
        },
      },
      "/api/v1/users/{id}": {
        get: {
          summary: "Get a user",
          requestParams: { path: userIdSchema, header: readParams },
          responses: {
            "200": { description: "The user", ...json(userSchema) },
            "404": failure("No such user."),
            ...common,
          },
        },
        put: {
          summary: "Replace a user's name and email",
          requestParams: { path: userIdSchema },
          requestBody: body,
          responses: {
            "200": written("Updated, with a new updated_at"),
            "404": failure("No such user."),
            "409": failure("The email is already used by another user: code email_taken."),
            "413": failure("Body larger than 16 KiB."),
            "415": failure("Body not sent as application/json."),
            ...common,
          },
        },
        delete: {
          summary: "Delete a user",
          requestParams: { path: userIdSchema },
          responses: {
            "204": { description: "Deleted", headers: lsnHeaders },
            "404": failure("No such user."),
            ...common,
          },
        },
      },
      "/health": {
        get: {
          summary: "Writer and readers: reachability, latency, replica lag",
          responses: {
            "200": { description: "The writer answers", ...json(healthSchema) },
            "503": { description: "The writer does not answer (Retry-After set)", ...json(healthSchema) },
          },
        },
      },
    },
  });
}
