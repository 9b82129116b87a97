/**
 * The API's routes and, for each, the handler of each method. Shared by the
 * node:http router and Next's route files, so both answer 405 (with Allow)
 * and errors the same way.
 */
import "server-only";
import { apiKeyRegistry } from "../api-keys/key-registry";
import { MethodNotAllowed, NotFound } from "../errors";
import type { ApiHandler, ApiRequest, ApiResponse } from "./api-types";
import { auditApiWrite, isAuditedMethod } from "./api-write-audit";
import { errorResponse } from "./error-response";
import { handleHealth } from "./handle-health";
import { requestId } from "./request-id";
import { handleCreateUser } from "./users/handle-create-user";
import { handleDeleteUser } from "./users/handle-delete-user";
import { handleGetUser } from "./users/handle-get-user";
import { handleListUsers } from "./users/handle-list-users";
import { handleOpenApi } from "./users/handle-openapi";
import { handleUpdateUser } from "./users/handle-update-user";

/**
 * `access` is part of every route, so none can forget it: "api-key" routes
 * need `Authorization: Bearer <key>` — read scope for GET and HEAD, read-write
 * for anything else — checked before the handler, in the code both transports
 * (Next's route files and the node:http fast path) run.
 */
export type ApiRoute = {
  pattern: string;
  access: "public" | "api-key";
  handlers: Readonly<Record<string, ApiHandler>>;
};

export const usersRoute: ApiRoute = {
  pattern: "/api/v1/users",
  access: "api-key",
  handlers: { GET: handleListUsers, POST: handleCreateUser },
};
export const userRoute: ApiRoute = {
  pattern: "/api/v1/users/:id",
  access: "api-key",
  handlers: { GET: handleGetUser, PUT: handleUpdateUser, DELETE: handleDeleteUser },
};
export const healthRoute: ApiRoute = { pattern: "/health", access: "public", handlers: { GET: handleHealth } };
export const openApiRoute: ApiRoute = {
  pattern: "/api/v1/openapi.json",
  access: "public",
  handlers: { GET: handleOpenApi },
};

/** Any other path under /api/: a JSON 404 whatever the method, rather than Next's HTML page. */
const noSuchRoute = async (req: ApiRequest): Promise<ApiResponse> => {
  throw new NotFound(`No API route at ${req.path}`);
};
export const unknownApiRoute: ApiRoute = {
  pattern: "/api/*",
  access: "public",
  handlers: { GET: noSuchRoute, POST: noSuchRoute, PUT: noSuchRoute, PATCH: noSuchRoute, DELETE: noSuchRoute },
};

/**
 * Runs the route's handler for the request's method; never throws: every failure becomes its error
 * response. A request with a valid key that may change data is recorded in the audit trail, in a
 * batch written after the response (see lib/api/api-write-audit.ts), and answered with its X-Request-Id.
 */
export async function dispatch(route: ApiRoute, req: ApiRequest): Promise<ApiResponse> {
  const response = await answer(route, req);
  if (route.access === "api-key" && isAuditedMethod(req.method)) {
    const key = apiKeyRegistry().identify(req.header("authorization"));
    if (key) {
      const id = requestId(req);
      response.headers["x-request-id"] = id;
      auditApiWrite(key, req, response, id);
    }
  }
  return response;
}

async function answer(route: ApiRoute, req: ApiRequest): Promise<ApiResponse> {
  try {
    if (route.access === "api-key") {
      const check = apiKeyRegistry().check(
        req.header("authorization"),
        req.method === "GET" || req.method === "HEAD" ? "read" : "read-write",
      );
      if (check) await check;
    }
    // hasOwn: a method named "constructor" or "__proto__" must not reach Object.prototype.
    const handler = Object.hasOwn(route.handlers, req.method) ? route.handlers[req.method] : undefined;
    if (!handler) throw new MethodNotAllowed(req.method, Object.keys(route.handlers));
    return await handler(req);
  } catch (error) {
    return errorResponse(error, req);
  }
}
