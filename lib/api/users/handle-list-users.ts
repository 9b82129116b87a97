/** GET /api/v1/users?limit&offset&cursor → 200 `{ users, limit, offset, next_cursor }`, newest first. */
import "server-only";
import { listUsers, type UserPage } from "../../users/list-users";
import { listQuerySchema } from "../../users/user-schemas";
import { type ApiRequest, type ApiResponse, jsonTextResponse } from "../api-types";
import { readAfterLsn } from "./read-your-writes";

// A page shared by identical requests is serialised once; its limit and offset are the same for all of them.
const bodies = new WeakMap<UserPage, string>();

export async function handleListUsers(req: ApiRequest): Promise<ApiResponse> {
  const q = req.query;
  const { limit, offset, cursor } = listQuerySchema.parse({
    limit: q.get("limit") ?? undefined,
    offset: q.get("offset") ?? undefined,
    cursor: q.get("cursor") ?? undefined,
  });
  const page = await listUsers({ limit, offset, cursor, minLsn: readAfterLsn(req) });
  let body = bodies.get(page);
  if (body === undefined) {
    body = JSON.stringify({ users: page.users, limit, offset, next_cursor: page.nextCursor });
    bodies.set(page, body);
  }
  return jsonTextResponse(200, body);
}
