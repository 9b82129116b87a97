/**
 * Property tests over what clients can send: no body, query string, id or
 * read token gets a 5xx, and no request changes a row it should not — a
 * rejected one changes nothing, an accepted one only its own row.
 */
import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { checkProperty } from "@/test-support/fuzz";
import { type ApiFixture, startApiFixture } from "../../test-support/api-fixture";

let api: ApiFixture;
let db: pg.Client;
const ids: string[] = [];
let cursor = "";
beforeAll(async () => {
  api = await startApiFixture();
  db = await api.connect(api.writerPort);
  for (let i = 0; i < 12; i++) {
    const reply = await api.call("POST", "/api/v1/users", {
      body: { name: `seed ${i}`, email: `seed${i}@example.com` },
    });
    ids.push(String((reply.json as { id: number }).id));
  }
  cursor = ((await api.call("GET", "/api/v1/users?limit=3")).json as { next_cursor: string }).next_cursor;
});
afterAll(async () => {
  await db?.end();
  await api?.stop();
});

/** Rows by id, as text. */
async function rows(): Promise<Map<number, string>> {
  const result = await db.query<{ id: number; row: string }>("select id, users::text as row from users");
  return new Map(result.rows.map((r) => [r.id, r.row]));
}

/** Asserts that only `allowed` (one id, or none) differs between the two snapshots. */
function onlyChanged(before: Map<number, string>, after: Map<number, string>, allowed: number | undefined) {
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    if (id !== allowed) expect(after.get(id), `row ${id}`).toBe(before.get(id));
  }
}

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "a\u0000b", "é".repeat(256)),
);
const fieldValue = fc.oneof(anyText, fc.emailAddress(), fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.constant(null));
const body = fc.oneof(
  fc
    .record({ name: fieldValue, email: fieldValue, extra: fieldValue }, { requiredKeys: [] })
    .map((o) => JSON.stringify(o)),
  fc.json({ maxDepth: 2 }),
  anyText,
  fc.nat({ max: 3 }).map((n) => JSON.stringify({ name: "x".repeat(16_380 + n * 4), email: "big@example.com" })),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  undefined,
);
const printable = fc.string({ unit: "binary-ascii", maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s));
const readToken = fc.option(fc.oneof(printable, fc.constantFrom("0/0", "0/1", "FFFFFFFF/FFFFFFFF", "1/", "0/-1")), {
  nil: undefined,
});
const id = fc.oneof(
  fc.constantFrom(...["1", "0", "-1", "2147483647", "2147483648", "1.0", "%00", "%E0%A4%A", "99999999999"]),
  fc.integer().map(String),
  // Lone surrogates cannot be percent-encoded; U+FFFD stands in for them in paths.
  anyText
    .filter((s) => s !== "" && s !== "." && s !== "..")
    .map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))),
);
const queryValue = fc.oneof(anyText, fc.integer({ min: -5, max: 200 }).map(String), fc.bigInt().map(String));
const query = fc
  .array(fc.tuple(fc.constantFrom("limit", "offset", "cursor", "LIMIT", "x"), queryValue), { maxLength: 4 })
  .map((pairs) => new URLSearchParams(pairs).toString());

const headersOf = (type: string | undefined, token: string | undefined): Record<string, string> => ({
  ...(type ? { "content-type": type } : {}),
  ...(token === undefined ? {} : { "x-rdsdeck-lsn": token }),
});

test("POST /api/v1/users: never a 5xx; only a 201 adds a row, and only that one", async () => {
  await checkProperty(
    "users API: POST bodies",
    fc.asyncProperty(body, contentType, async (text, type) => {
      const before = await rows();
      const reply = await api.call("POST", "/api/v1/users", { body: text, headers: headersOf(type, undefined) });
      expect(reply.status).toBeLessThan(500);
      const after = await rows();
      const created = reply.status === 201 ? (reply.json as { id: number }).id : undefined;
      if (created === undefined) expect(after.size).toBe(before.size);
      else expect(before.has(created)).toBe(false);
      onlyChanged(before, after, created);
    }),
  );
});

test("PUT and DELETE /api/v1/users/:id: never a 5xx; only the addressed row changes, and only on success", async () => {
  await checkProperty(
    "users API: PUT and DELETE by id",
    fc.asyncProperty(
      fc.oneof(fc.constantFrom(...ids), id),
      body,
      contentType,
      fc.boolean(),
      async (target, text, type, del) => {
        const before = await rows();
        const reply = del
          ? await api.call("DELETE", `/api/v1/users/${target}`)
          : await api.call("PUT", `/api/v1/users/${target}`, { body: text, headers: headersOf(type, undefined) });
        expect(reply.status).toBeLessThan(500);
        const ok = reply.status === 200 || reply.status === 204;
        onlyChanged(before, await rows(), ok ? Number(decodeURIComponent(target)) : undefined);
      },
    ),
  );
});

test("GET /api/v1/users and /api/v1/users/:id: never a 5xx, whatever the query, id or read token", async () => {
  const before = await rows();
  await checkProperty(
    "users API: GET query strings, ids and read tokens",
    fc.asyncProperty(query, id, readToken, fc.boolean(), async (q, target, token, list) => {
      const path = list ? `/api/v1/users?${q}` : `/api/v1/users/${target}`;
      const reply = await api.call("GET", path, { headers: headersOf(undefined, token) });
      expect(reply.status).toBeLessThan(500);
      expect([200, 400, 404]).toContain(reply.status);
    }),
  );
  const withCursor = await api.call("GET", `/api/v1/users?cursor=${cursor}`);
  expect(withCursor.status).toBe(200);
  onlyChanged(before, await rows(), undefined);
});
