/**
 * Every error the contract lists, table-driven: each malformed input gets its
 * status, code and the field it names, and changes no row.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ApiFixture, type CallInit, startApiFixture } from "../../test-support/api-fixture";

let api: ApiFixture;
let id: number;
let before: string[];
beforeAll(async () => {
  api = await startApiFixture();
  const reply = await api.call("POST", "/api/v1/users", { body: { name: "Existing", email: "existing@example.com" } });
  id = (reply.json as { id: number }).id;
  before = await api.snapshot();
});
afterAll(async () => {
  await api?.stop();
});

const json = { "content-type": "application/json" };
const valid = { name: "Valid", email: "valid@example.com" };
type Case = [what: string, init: CallInit, status: number, code: string, fields?: string[]];

const bodyCases: Case[] = [
  ["no Content-Type", { body: JSON.stringify(valid) }, 415, "unsupported_media_type"],
  [
    "text/plain",
    { body: JSON.stringify(valid), headers: { "content-type": "text/plain" } },
    415,
    "unsupported_media_type",
  ],
  [
    "form data",
    { body: "name=a&email=b", headers: { "content-type": "application/x-www-form-urlencoded" } },
    415,
    "unsupported_media_type",
  ],
  ["a body over 16 KiB", { body: { ...valid, name: "x".repeat(16 * 1024) } }, 413, "payload_too_large"],
  ["malformed JSON", { body: '{"name": "a",', headers: json }, 400, "invalid_json"],
  ["an empty body", { body: "", headers: json }, 400, "invalid_json"],
  ["a JSON array", { body: [valid] }, 400, "validation_failed", ["body"]],
  ["JSON null", { body: "null", headers: json }, 400, "validation_failed", ["body"]],
  ["a JSON string", { body: '"hello"', headers: json }, 400, "validation_failed", ["body"]],
  ["no fields", { body: {} }, 400, "validation_failed", ["name", "email"]],
  ["no email", { body: { name: "N" } }, 400, "validation_failed", ["email"]],
  ["no name", { body: { email: "n@example.com" } }, 400, "validation_failed", ["name"]],
  ["an empty name", { body: { ...valid, name: "" } }, 400, "validation_failed", ["name"]],
  ["a blank name", { body: { ...valid, name: " \t\n " } }, 400, "validation_failed", ["name"]],
  ["a 256-character name", { body: { ...valid, name: "n".repeat(256) } }, 400, "validation_failed", ["name"]],
  ["a name with NUL", { body: { ...valid, name: "a\u0000b" } }, 400, "validation_failed", ["name"]],
  [
    "a lone surrogate",
    { body: '{"name":"a\\ud800b","email":"s@example.com"}', headers: json },
    400,
    "validation_failed",
    ["name"],
  ],
  ["a numeric name", { body: { ...valid, name: 42 } }, 400, "validation_failed", ["name"]],
  ["an invalid email", { body: { ...valid, email: "not-an-email" } }, 400, "validation_failed", ["email"]],
  [
    "a 256-character email",
    { body: { ...valid, email: `${"e".repeat(244)}@example.com` } },
    400,
    "validation_failed",
    ["email"],
  ],
  ["a numeric email", { body: { ...valid, email: 7 } }, 400, "validation_failed", ["email"]],
  ["both invalid", { body: { name: "", email: "x" } }, 400, "validation_failed", ["name", "email"]],
];

const badIds = ["abc", "0", "-1", "1.5", "1e3", "2147483648", "99999999999", "%ZZ", "%20"];

function expectError(reply: Awaited<ReturnType<ApiFixture["call"]>>, status: number, code: string, fields?: string[]) {
  expect({ status: reply.status, code: (reply.json as { code?: string })?.code }).toEqual({ status, code });
  const body = reply.json as { error: unknown; details?: { field: string; message: string }[] };
  expect(typeof body.error).toBe("string");
  expect(reply.text).not.toMatch(/select|insert|update users|at .*\.ts|postgres:\/\//i);
  if (fields) expect(body.details?.map((d) => d.field)).toEqual(fields);
  else expect(body.details).toBeUndefined();
}

describe("invalid bodies", () => {
  test.each(bodyCases)("POST /api/v1/users with %s", async (_what, init, status, code, fields) => {
    expectError(await api.call("POST", "/api/v1/users", init), status, code, fields);
  });
  test.each(bodyCases)("PUT /api/v1/users/:id with %s", async (_what, init, status, code, fields) => {
    expectError(await api.call("PUT", `/api/v1/users/${id}`, init), status, code, fields);
  });
});

describe("invalid ids", () => {
  test.each(badIds.flatMap((bad) => ["GET", "PUT", "DELETE"].map((method) => [method, bad])))(
    "%s /api/v1/users/%s → 400 naming id",
    async (method, bad) => {
      const reply = await api.call(method, `/api/v1/users/${bad}`, method === "PUT" ? { body: valid } : {});
      expectError(reply, 400, "validation_failed", ["id"]);
    },
  );
});

describe("invalid list queries and read tokens", () => {
  const cursor = Buffer.from("2025-01-01T00:00:00.000000Z 1").toString("base64url");
  test.each([
    ["limit=abc", "limit", "must be a whole number"],
    ["limit=", "limit", "must be a whole number"],
    ["limit=0", "limit", "must be at least 1"],
    ["limit=-1", "limit", "must be a whole number"],
    ["limit=101", "limit", "must be at most 100 (the maximum page size)"],
    ["limit=1.5", "limit", "must be a whole number"],
    ["offset=-1", "offset", "must be a whole number"],
    ["offset=abc", "offset", "must be a whole number"],
    ["offset=2147483648", "offset", "must be at most 2147483647"],
    ["cursor=garbage!", "cursor", "is not a cursor this API handed out (use next_cursor)"],
    [
      `cursor=${cursor}&offset=5`,
      "offset",
      "must be 0 or absent when cursor is given (the cursor already says where the page starts)",
    ],
  ])("GET /api/v1/users?%s → 400", async (query, field, message) => {
    const reply = await api.call("GET", `/api/v1/users?${query}`);
    expectError(reply, 400, "validation_failed", [field]);
    expect(reply.json).toMatchObject({ error: `Invalid ${field}: ${message}`, details: [{ field, message }] });
  });

  test.each([
    [{ "x-rdsdeck-lsn": "yesterday" }, "X-Rdsdeck-Lsn"],
    [{ cookie: "rdsdeck_lsn=0/xyz" }, "rdsdeck_lsn"],
  ])("a malformed write position %o → 400 naming it", async (headers, field) => {
    expectError(await api.call("GET", "/api/v1/users", { headers }), 400, "validation_failed", [field]);
    expectError(await api.call("GET", `/api/v1/users/${id}`, { headers }), 400, "validation_failed", [field]);
  });
});

describe("methods and paths", () => {
  test.each([
    ["PATCH", "/api/v1/users", "GET, POST"],
    ["PUT", "/api/v1/users", "GET, POST"],
    ["DELETE", "/api/v1/users", "GET, POST"],
    ["POST", `/api/v1/users/1`, "GET, PUT, DELETE"],
    ["PATCH", `/api/v1/users/1`, "GET, PUT, DELETE"],
    ["POST", "/health", "GET"],
    ["DELETE", "/api/v1/openapi.json", "GET"],
  ])("%s %s → 405 with Allow: %s", async (method, path, allow) => {
    const reply = await api.call(method, path);
    expectError(reply, 405, "method_not_allowed");
    expect(reply.headers.get("allow")).toBe(allow);
  });

  test.each(["/api/v1/nope", "/api/v1/users/1/extra", "/api/v2/users"])("GET %s → 404", async (path) => {
    expectError(await api.call("GET", path), 404, "not_found");
  });
});

test("no invalid request changed a row", async () => {
  expect(await api.snapshot()).toEqual(before);
});
