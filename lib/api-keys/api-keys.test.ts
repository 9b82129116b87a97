/** API keys on the users API, through the node:http path the fast path runs, against a real fleet and store. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eventually } from "../../infra/local/test-support/temp-fleet";
import { getStore } from "../store/store-db";
import { type ApiFixture, startApiFixture } from "../test-support/api-fixture";
import { hashApiKey } from "./api-key-format";
import { apiKeyRegistry } from "./key-registry";

let api: ApiFixture;

beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(async () => {
  await api?.stop();
});

describe("API keys on /api/v1/users", () => {
  test.each([
    ["no Authorization header", {}],
    ["a key that does not exist", { authorization: "Bearer rdk_not-a-real-key-at-all-0000000000000000000000" }],
    ["another scheme", { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }],
    ["an empty bearer", { authorization: "Bearer " }],
  ])("GET with %s → 401 in the API's error shape, with WWW-Authenticate", async (_what, headers) => {
    const reply = await api.call("GET", "/api/v1/users", { key: null, headers });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: expect.any(String), code: "unauthorized" });
    expect(reply.headers.get("www-authenticate")).toBe('Bearer realm="rdsdeck"');
  });

  test("a read key may GET, and gets 403 on POST, PUT and DELETE — nothing changes", async () => {
    const created = await api.call("POST", "/api/v1/users", { body: { name: "Ada", email: "ada-keys@example.com" } });
    expect(created.status).toBe(201);
    const id = (created.json as { id: number }).id;
    const before = await api.snapshot();
    expect((await api.call("GET", `/api/v1/users/${id}`, { key: api.keys.read })).status).toBe(200);
    expect((await api.call("GET", "/api/v1/users?limit=1", { key: api.keys.read })).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "/api/v1/users", { name: "Eve", email: "eve-keys@example.com" }],
      ["PUT", `/api/v1/users/${id}`, { name: "Eve", email: "eve-keys@example.com" }],
      ["DELETE", `/api/v1/users/${id}`, undefined],
    ] as const) {
      const reply = await api.call(method, path, { key: api.keys.read, body });
      expect(reply.status).toBe(403);
      expect(reply.json).toEqual({
        error: "This API key may only read: writing needs a read-write key.",
        code: "forbidden",
      });
    }
    expect(await api.snapshot()).toEqual(before);
  });

  test("/health and the OpenAPI document stay open", async () => {
    expect((await api.call("GET", "/health", { key: null })).status).toBe(200);
    expect((await api.call("GET", "/api/v1/openapi.json", { key: null })).status).toBe(200);
  });

  test("a key just minted works at once in the process that minted it", async () => {
    const { key } = await api.createKey({ scope: "read-write" });
    // No reload in between: the admin copies the key from the page and uses it straight away.
    expect((await api.call("GET", "/api/v1/users?limit=1", { key })).status).toBe(200);
  });

  test("a key revoked by another process stops working within seconds", async () => {
    const { id, key } = await api.createKey({ scope: "read" });
    await apiKeyRegistry().refresh();
    expect((await api.call("GET", "/api/v1/users?limit=1", { key })).status).toBe(200);
    // Revoked straight in the store, as another app process would: this process learns it on its next reload.
    await getStore().pool.query("update api_keys set revoked_at = now() where id = $1", [id]);
    // Without being told: the periodic reload finds the revocation.
    await eventually(
      async () => ((await api.call("GET", "/api/v1/users?limit=1", { key })).status === 401 ? true : undefined),
      5_000,
      "the revoked key to be refused",
    );
  });

  test("keys are stored only as their sha256, and record their last use", async () => {
    const { id, key } = await api.createKey({ scope: "read" });
    const { rows } = await getStore().pool.query("select * from api_keys where id = $1", [id]);
    expect(rows[0].hash).toBe(hashApiKey(key));
    expect(JSON.stringify(rows[0])).not.toContain(key.slice(10));
    expect(rows[0].last_used_at).toBeNull();
    await apiKeyRegistry().refresh();
    expect((await api.call("GET", "/api/v1/users?limit=1", { key })).status).toBe(200);
    await apiKeyRegistry().flushLastUse();
    const after = await getStore().pool.query("select last_used_at from api_keys where id = $1", [id]);
    expect(after.rows[0].last_used_at).toBeInstanceOf(Date);
  });

  test("a key past its rate limit gets 429 with Retry-After, in the API's error shape", async () => {
    const { key } = await api.createKey({ scope: "read", rateLimitPerSecond: 3 });
    await apiKeyRegistry().refresh();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => api.call("GET", "/api/v1/users?limit=1", { key })),
    );
    const limited = replies.filter((r) => r.status === 429);
    expect(replies.filter((r) => r.status === 200).length).toBeLessThanOrEqual(4);
    expect(limited.length).toBeGreaterThanOrEqual(4);
    expect(limited[0]?.headers.get("retry-after")).toBe("1");
    expect(limited[0]?.json).toEqual({ error: "This API key may send 3 requests per second.", code: "rate_limited" });
    // Other keys are not affected.
    expect((await api.call("GET", "/api/v1/users?limit=1")).status).toBe(200);
  });
});
