/**
 * The users API end to end: a real fleet, the node:http router and adapter,
 * every route's success and every error the contract lists.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ApiFixture, startApiFixture } from "../../test-support/api-fixture";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(async () => {
  await api?.stop();
});

const RFC3339_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/;

async function create(name: string, email: string) {
  const reply = await api.call("POST", "/api/v1/users", { body: { name, email } });
  expect(reply.status).toBe(201);
  return reply;
}

describe("POST /api/v1/users", () => {
  test("creates a user: 201, the user, its Location and the read-your-writes token", async () => {
    const reply = await create("  Ada Lovelace ", "Ada@Example.com");
    const user = reply.json as Record<string, unknown>;
    expect(Object.keys(user)).toEqual(["id", "name", "email", "created_at", "updated_at"]);
    expect(user).toMatchObject({ name: "Ada Lovelace", email: "Ada@Example.com" });
    expect(user.created_at).toMatch(RFC3339_MICROS);
    expect(user.updated_at).toBe(user.created_at);
    expect(reply.headers.get("location")).toBe(`/api/v1/users/${user.id}`);
    const lsn = reply.headers.get("x-rdsdeck-lsn");
    expect(lsn).toMatch(LSN);
    expect(reply.headers.get("set-cookie")).toBe(`rdsdeck_lsn=${lsn}; Path=/; Max-Age=60; HttpOnly; SameSite=Lax`);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  test("ignores unknown fields, as the Go service did", async () => {
    const reply = await api.call("POST", "/api/v1/users", {
      body: { name: "Extra", email: "extra@example.com", id: 999_999, created_at: "1999-01-01T00:00:00Z", admin: true },
    });
    expect(reply.status).toBe(201);
    const user = reply.json as { id: number; created_at: string };
    expect(user.id).not.toBe(999_999);
    expect(user.created_at.startsWith("1999")).toBe(false);
    expect(Object.keys(user)).toEqual(["id", "name", "email", "created_at", "updated_at"]);
  });

  test("409 email_taken for an email already used, in any letter case", async () => {
    await create("First", "dup@example.com");
    for (const email of ["dup@example.com", "DUP@example.com", "Dup@Example.COM"]) {
      const reply = await api.call("POST", "/api/v1/users", { body: { name: "Second", email } });
      expect(reply.status).toBe(409);
      expect(reply.json).toEqual({
        error: "A user with this email already exists.",
        code: "email_taken",
        details: [
          { field: "email", message: "is already used by another user (emails are compared case-insensitively)" },
        ],
      });
    }
  });

  test("two concurrent creates with one email: one 201, one 409, one row", async () => {
    for (let round = 0; round < 5; round++) {
      const emails = [`race${round}@example.com`, round % 2 ? `RACE${round}@example.com` : `race${round}@example.com`];
      const replies = await Promise.all(
        emails.map((email, i) => api.call("POST", "/api/v1/users", { body: { name: `racer ${i}`, email } })),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      const db = await api.connect(api.writerPort);
      try {
        const { rows } = await db.query("select count(*)::int as n from users where lower(email) = $1", [
          `race${round}@example.com`,
        ]);
        expect(rows[0]).toEqual({ n: 1 });
      } finally {
        await db.end();
      }
    }
  });
});

describe("GET /api/v1/users/:id", () => {
  test("200 with the user, from any server once the write's position is passed along", async () => {
    const created = await create("Grace", "grace@example.com");
    const user = created.json as { id: number };
    const lsn = created.headers.get("x-rdsdeck-lsn") ?? "";
    const byHeader = await api.call("GET", `/api/v1/users/${user.id}`, { headers: { "x-rdsdeck-lsn": lsn } });
    expect(byHeader.status).toBe(200);
    expect(byHeader.json).toEqual(created.json);
    const byCookie = await api.call("GET", `/api/v1/users/${user.id}`, { headers: { cookie: `rdsdeck_lsn=${lsn}` } });
    expect(byCookie.json).toEqual(created.json);
  });

  test("404 for an id no user has", async () => {
    const reply = await api.call("GET", "/api/v1/users/2147483647");
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ error: "User not found", code: "not_found" });
  });
});

describe("PUT /api/v1/users/:id", () => {
  test("200 with the new name and email, the same created_at and a new updated_at", async () => {
    const before = (await create("Old Name", "old@example.com")).json as Record<string, string | number>;
    const reply = await api.call("PUT", `/api/v1/users/${before.id}`, {
      body: { name: "New Name", email: "new@example.com" },
    });
    expect(reply.status).toBe(200);
    const after = reply.json as Record<string, string | number>;
    expect(after).toMatchObject({
      id: before.id,
      name: "New Name",
      email: "new@example.com",
      created_at: before.created_at,
    });
    expect(String(after.updated_at)).toMatch(RFC3339_MICROS);
    expect(String(after.updated_at) > String(before.updated_at)).toBe(true);
    const lsn = reply.headers.get("x-rdsdeck-lsn") ?? "";
    expect(lsn).toMatch(LSN);
    const read = await api.call("GET", `/api/v1/users/${before.id}`, { headers: { "x-rdsdeck-lsn": lsn } });
    expect(read.json).toEqual(after);
  });

  test("a user may keep its own email in another letter case", async () => {
    const user = (await create("Case", "case@example.com")).json as { id: number };
    const reply = await api.call("PUT", `/api/v1/users/${user.id}`, {
      body: { name: "Case", email: "CASE@example.com" },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ email: "CASE@example.com" });
  });

  test("409 email_taken when the email is another user's", async () => {
    await create("Owner", "owner@example.com");
    const other = (await create("Other", "other@example.com")).json as { id: number };
    const reply = await api.call("PUT", `/api/v1/users/${other.id}`, {
      body: { name: "Other", email: "OWNER@example.com" },
    });
    expect(reply.status).toBe(409);
    expect(reply.json).toMatchObject({ code: "email_taken", details: [{ field: "email" }] });
  });

  test("404 for an id no user has", async () => {
    const reply = await api.call("PUT", "/api/v1/users/2147483647", { body: { name: "N", email: "n@example.com" } });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ error: "User not found", code: "not_found" });
  });
});

describe("DELETE /api/v1/users/:id", () => {
  test("204 without a body; the user is gone, even for a read that lands on a replica", async () => {
    const user = (await create("Doomed", "doomed@example.com")).json as { id: number };
    const reply = await api.call("DELETE", `/api/v1/users/${user.id}`);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    const lsn = reply.headers.get("x-rdsdeck-lsn") ?? "";
    expect(lsn).toMatch(LSN);
    const read = await api.call("GET", `/api/v1/users/${user.id}`, { headers: { "x-rdsdeck-lsn": lsn } });
    expect(read.status).toBe(404);
    expect((await api.call("DELETE", `/api/v1/users/${user.id}`)).status).toBe(404);
  });
});
