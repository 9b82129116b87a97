/**
 * Users-API writes in the audit trail, against a real fleet and rdsdeck's
 * real store: every request with a valid key that is not a GET leaves one
 * entry — key name and prefix, method, target, outcome, request id — and
 * reads, or requests without a valid key, leave none.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { keyPrefix } from "../api-keys/api-key-format";
import { apiKeyRegistry } from "../api-keys/key-registry";
import { type ApiFixture, startApiFixture } from "../test-support/api-fixture";
import { flushApiAudit } from "./api-write-audit";

let api: ApiFixture;
let store: pg.Client;
let writerKey: { id: number; key: string };

beforeAll(async () => {
  api = await startApiFixture();
  store = new pg.Client({ connectionString: process.env.RDSDECK_STORE_URL });
  await store.connect();
  writerKey = await api.createKey({ scope: "read-write", name: "audited writer" });
  await apiKeyRegistry().refresh();
});
afterAll(async () => {
  await store?.end();
  await api?.stop();
});

type Entry = {
  actor: string;
  actor_id: string;
  actor_role: string;
  action: string;
  target: string | null;
  parameters: { method: string; path: string; status: number };
  outcome: string;
  error: string | null;
  request_id: string;
};

async function entriesFor(requestIds: string[]): Promise<Entry[]> {
  await flushApiAudit();
  const { rows } = await store.query<Entry>(
    "select actor, actor_id, actor_role, action, target, parameters, outcome, error, request_id from audit_entries where request_id = any($1) order by id",
    [requestIds],
  );
  return rows;
}

const as = (key: string, headers: Record<string, string> = {}) => ({ key, headers });

test("create, update, delete and their refusals each leave one entry naming the key, never the key itself", async () => {
  const key = writerKey.key;
  const created = await api.call("POST", "/api/v1/users", { body: { name: "Aud", email: "aud@example.com" }, key });
  expect(created.status).toBe(201);
  const { id } = created.json as { id: number };
  const calls = [
    created,
    await api.call("PUT", `/api/v1/users/${id}`, { body: { name: "Aud 2", email: "aud@example.com" }, key }),
    await api.call("POST", "/api/v1/users", { body: { name: "Dup", email: "AUD@example.com" }, key }),
    await api.call("POST", "/api/v1/users", { body: { name: "" }, key }),
    await api.call("DELETE", `/api/v1/users/${id}`, { ...as(key, { "x-request-id": "caller-chosen-1" }) }),
    await api.call("DELETE", `/api/v1/users/${id}`, { key }),
    await api.call("POST", "/api/v1/users", { body: { name: "R", email: "r@example.com" }, key: api.keys.read }),
  ];
  const ids = calls.map((c) => c.headers.get("x-request-id") ?? "");
  for (const id of ids) expect(id).not.toBe("");
  expect(ids[4]).toBe("caller-chosen-1");

  const entries = await entriesFor(ids);
  expect(entries.map((e) => e.request_id)).toEqual(ids);
  const prefix = keyPrefix(key);
  const mine = { actor: `api key "audited writer" (${prefix}…)`, actor_id: `api-key:${writerKey.id}` };
  expect(
    entries.map(({ actor, actor_id, action, target, outcome, error, parameters }) => ({
      actor,
      actor_id,
      action,
      target,
      outcome,
      error,
      status: parameters.status,
      method: parameters.method,
    })),
  ).toEqual([
    {
      ...mine,
      action: "users-api.post",
      target: `user:${id}`,
      outcome: "ok",
      error: null,
      status: 201,
      method: "POST",
    },
    { ...mine, action: "users-api.put", target: `user:${id}`, outcome: "ok", error: null, status: 200, method: "PUT" },
    {
      ...mine,
      action: "users-api.post",
      target: null,
      outcome: "invalid",
      error: "email_taken",
      status: 409,
      method: "POST",
    },
    {
      ...mine,
      action: "users-api.post",
      target: null,
      outcome: "invalid",
      error: "validation_failed",
      status: 400,
      method: "POST",
    },
    {
      ...mine,
      action: "users-api.delete",
      target: `user:${id}`,
      outcome: "ok",
      error: null,
      status: 204,
      method: "DELETE",
    },
    {
      ...mine,
      action: "users-api.delete",
      target: `user:${id}`,
      outcome: "invalid",
      error: "not_found",
      status: 404,
      method: "DELETE",
    },
    {
      actor: `api key "test read" (${keyPrefix(api.keys.read)}…)`,
      actor_id: expect.stringMatching(/^api-key:\d+$/),
      action: "users-api.post",
      target: null,
      outcome: "denied",
      error: "forbidden",
      status: 403,
      method: "POST",
    },
  ]);
  expect(entries[6]?.actor_role).toBe("read");
  const { rows } = await store.query<{ n: number }>(
    "select count(*)::int as n from audit_entries where actor like 'api key%' and (actor like $1 or parameters::text like $1)",
    [`%${key}%`],
  );
  expect(rows[0]?.n).toBe(0);
});

test("reads and requests without a valid key leave no entry", async () => {
  const before = await entriesCount();
  const replies = [
    await api.call("GET", "/api/v1/users?limit=1"),
    await api.call("GET", "/api/v1/users/1"),
    await api.call("POST", "/api/v1/users", { body: { name: "N", email: "n@example.com" }, key: null }),
    await api.call("DELETE", "/api/v1/users/1", { key: "rdk_not-a-key" }),
  ];
  expect(replies.map((r) => r.status)).toEqual([200, 404, 401, 401]);
  await flushApiAudit();
  expect(await entriesCount()).toBe(before);
});

test("concurrent creates, batched into one group commit, each get their own entry", async () => {
  const replies = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      api.call("POST", "/api/v1/users", {
        body: { name: `c${i}`, email: `conc${i % 30}@example.com` },
        key: writerKey.key,
      }),
    ),
  );
  const entries = await entriesFor(replies.map((r) => r.headers.get("x-request-id") ?? ""));
  expect(entries).toHaveLength(40);
  const byRequest = new Map(entries.map((e) => [e.request_id, e]));
  for (const reply of replies) {
    const entry = byRequest.get(reply.headers.get("x-request-id") ?? "");
    expect(entry?.parameters.status).toBe(reply.status);
    if (reply.status === 201) expect(entry?.target).toBe(`user:${(reply.json as { id: number }).id}`);
  }
  expect(entries.filter((e) => e.outcome === "ok")).toHaveLength(30);
});

async function entriesCount(): Promise<number> {
  const { rows } = await store.query<{ n: number }>("select count(*)::int as n from audit_entries");
  return rows[0]?.n ?? 0;
}
