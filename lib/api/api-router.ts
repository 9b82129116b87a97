/**
 * Maps a path to its route, for servers that see every request (node:http):
 * the fast path in front of Next, and the tests. Next's file-system router
 * does the same job for the route files.
 */
import "server-only";
import { NotFound } from "../errors";
import { type ApiRoute, dispatch, healthRoute, openApiRoute, userRoute, usersRoute } from "./api-routes";
import type { ApiRequest, ApiResponse } from "./api-types";
import { errorResponse } from "./error-response";

const USERS = "/api/v1/users";
const exact = new Map<string, ApiRoute>([
  [USERS, usersRoute],
  ["/health", healthRoute],
  ["/api/v1/openapi.json", openApiRoute],
]);

export type RouteMatch = { route: ApiRoute; params: Record<string, string> };

/** The route serving `path` (no query string; one trailing slash tolerated), or undefined. */
export function matchApiRoute(path: string): RouteMatch | undefined {
  const p = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  const route = exact.get(p);
  if (route) return { route, params: {} };
  if (p.startsWith(`${USERS}/`)) {
    const segment = p.slice(USERS.length + 1);
    if (segment !== "" && !segment.includes("/")) return { route: userRoute, params: { id: decodeSegment(segment) } };
  }
  return undefined;
}

/** Routes one request; unknown paths under /api/ get a JSON 404. Never throws. */
export async function routeApiRequest(req: ApiRequest): Promise<ApiResponse> {
  const match = matchApiRoute(req.path);
  if (!match) return errorResponse(new NotFound(`No API route at ${req.path}`), req);
  req.params = match.params;
  return dispatch(match.route, req);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes: the id check rejects it with a 400
  }
}
