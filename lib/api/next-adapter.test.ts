import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { PayloadTooLarge } from "../errors";
import type { ApiRoute } from "./api-routes";
import { jsonResponse, MAX_BODY_BYTES } from "./api-types";
import { fromWebRequest, nextRoute, toWebResponse } from "./next-adapter";

beforeAll(() => {
  // The error mapper logs 5xx; its logger reads the configuration once.
  Object.assign(process.env, { RDSDECK_MODE: "aws", RDSDECK_LOG_LEVEL: "silent" });
});

const echo: ApiRoute = {
  pattern: "/echo/:id",
  access: "public",
  handlers: {
    GET: async (req) =>
      jsonResponse(200, {
        method: req.method,
        path: req.path,
        params: req.params,
        limit: req.query.get("limit"),
        header: req.header("x-rdsdeck-lsn") ?? null,
        cookie: req.cookie("rdsdeck_lsn") ?? null,
      }),
    PUT: async (req) => jsonResponse(200, { body: await req.body() }),
    POST: async () => {
      z.object({ name: z.string() }).parse({ name: 1 });
      return jsonResponse(200, {});
    },
    DELETE: async () => {
      throw new Error("select * from secrets where password = 'hunter2'");
    },
  },
};
const handler = nextRoute(echo);
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

describe("the Next.js adapter", () => {
  test("converts a Web Request: method, path, query, params, headers and cookies", async () => {
    const request = new Request("http://localhost/echo/42?limit=5", {
      headers: { "X-Rdsdeck-Lsn": "0/1", cookie: "a=b; rdsdeck_lsn=0%2F2; c=d" },
    });
    const response = await handler(request, params({ id: "42" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      method: "GET",
      path: "/echo/42",
      params: { id: "42" },
      limit: "5",
      header: "0/1",
      cookie: "0/2",
    });
  });

  test("reads a body up to 16 KiB", async () => {
    const body = "x".repeat(MAX_BODY_BYTES);
    const response = await handler(new Request("http://localhost/echo/1", { method: "PUT", body }), params({}));
    expect(await response.json()).toEqual({ body });
  });

  test.each([
    ["a declared length", { "content-length": String(MAX_BODY_BYTES + 1) }],
    ["a streamed body", {}],
  ])("refuses a body past 16 KiB with %s", async (_what, headers) => {
    const big = new TextEncoder().encode("y".repeat(MAX_BODY_BYTES + 1));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(big.subarray(0, 10_000));
        controller.enqueue(big.subarray(10_000));
        controller.close();
      },
    });
    const request = new Request("http://localhost/echo/1", {
      method: "PUT",
      body: stream,
      headers,
      duplex: "half",
    } as RequestInit);
    await expect(fromWebRequest(request, {}).body()).rejects.toBeInstanceOf(PayloadTooLarge);
  });

  test("answers a method the route lacks with 405 and Allow", async () => {
    const response = await handler(new Request("http://localhost/echo/1", { method: "PATCH" }), params({}));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PUT, POST, DELETE");
    expect(await response.json()).toEqual({
      error: "Method PATCH is not allowed here; use GET, PUT, POST, DELETE.",
      code: "method_not_allowed",
    });
  });

  test("maps invalid input to 400 naming the field", async () => {
    const response = await handler(new Request("http://localhost/echo/1", { method: "POST" }), params({}));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "Invalid name: Invalid input: expected string, received number",
      code: "validation_failed",
      details: [{ field: "name", message: "Invalid input: expected string, received number" }],
    });
  });

  test("hides an unexpected error behind a generic 500", async () => {
    const response = await handler(new Request("http://localhost/echo/1", { method: "DELETE" }), params({}));
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toBe('{"error":"Internal server error","code":"internal"}');
  });

  test("sends 204 without a body", async () => {
    const response = toWebResponse({ status: 204, headers: { "x-rdsdeck-lsn": "0/1" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("x-rdsdeck-lsn")).toBe("0/1");
    expect(await response.text()).toBe("");
  });
});
