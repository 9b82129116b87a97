/** GET /health and GET /api/v1/openapi.json against a real fleet. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eventually } from "../../infra/local/test-support/temp-fleet";
import { type ApiFixture, startApiFixture } from "../test-support/api-fixture";

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(async () => {
  await api?.stop();
});

type Health = {
  status: string;
  writer: { endpoint: string; reachable: boolean; latency_ms: number | null };
  readers: {
    endpoint: string;
    reachable: boolean;
    latency_ms: number | null;
    replica_lag_seconds: number | null;
    in_rotation: boolean;
  }[];
};

describe("GET /health", () => {
  test("200 healthy with the writer and both readers, and never a credential", async () => {
    const health = await eventually(
      async () => {
        const reply = await api.call("GET", "/health");
        const body = reply.json as Health;
        return reply.status === 200 && body.readers.every((r) => r.in_rotation) ? reply : undefined;
      },
      10_000,
      "a healthy fleet with both readers in rotation",
    );
    const body = health.json as Health;
    expect(body.status).toBe("healthy");
    expect(body.writer).toEqual({
      endpoint: `127.0.0.1:${api.writerPort}`,
      reachable: true,
      latency_ms: expect.any(Number),
    });
    expect(body.readers.map((r) => r.endpoint)).toEqual(api.replicaPorts.map((p) => `127.0.0.1:${p}`));
    for (const reader of body.readers) {
      expect(reader).toEqual({
        endpoint: expect.any(String),
        reachable: true,
        latency_ms: expect.any(Number),
        replica_lag_seconds: expect.any(Number),
        in_rotation: true,
      });
      expect(reader.replica_lag_seconds).toBeLessThanOrEqual(5);
    }
    expect(health.headers.get("cache-control")).toBe("no-store");
    const { master } = api.fleet.engine.credentials;
    expect(health.text).not.toContain(master.password);
    expect(health.text).not.toContain(master.username);
    expect(health.text).not.toContain("postgres://");
  });
});

describe("GET /health without a valid key", () => {
  test.each([
    ["no key", {}],
    ["a wrong key", { authorization: "Bearer rdk_not-a-real-key-at-all-0000000000000000000000" }],
  ])("with %s: the status only — no endpoint, host or port", async (_what, headers) => {
    const reply = await eventually(
      async () => {
        const r = await api.call("GET", "/health", { key: null, headers });
        return r.status === 200 ? r : undefined;
      },
      10_000,
      "a healthy fleet",
    );
    expect(reply.json).toEqual({ status: "healthy" });
    expect(reply.text).not.toContain(String(api.writerPort));
    expect(reply.headers.get("cache-control")).toBe("no-store");
  });
});

describe("GET /api/v1/openapi.json", () => {
  test("is an OpenAPI 3.1 document of every route, generated from the zod schemas", async () => {
    const reply = await api.call("GET", "/api/v1/openapi.json");
    expect(reply.status).toBe(200);
    type Doc = {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    const doc = reply.json as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/users", "/api/v1/users/{id}", "/health"]);
    expect(Object.keys(doc.paths["/api/v1/users"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/users/{id}"] ?? {}).sort()).toEqual(["delete", "get", "put"]);
    expect(Object.keys(doc.components.schemas).sort()).toEqual(["Error", "Health", "User", "UserInput", "UserList"]);
    expect(doc.components.schemas.User?.required).toEqual(["id", "name", "email", "created_at", "updated_at"]);
    expect(doc.components.schemas.UserInput?.required).toEqual(["name", "email"]);
    expect(Object.keys(doc.paths["/api/v1/users"]?.post?.responses ?? {}).sort()).toEqual(
      ["201", "400", "405", "409", "413", "415", "500", "503"].sort(),
    );
    expect(JSON.stringify(doc.paths["/api/v1/users"]?.post?.requestBody)).toContain("#/components/schemas/UserInput");
  });
});
