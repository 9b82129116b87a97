/** GET /api/v1/users?limit&offset&cursor → 200 `{ users, limit, offset, next_cursor }`, newest first. */
import "server-only";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../../http/api-types";
import { listUsers } from "../list-users";
import { listQuerySchema } from "../user-schemas";
import { readAfterLsn } from "./read-your-writes";

export async function handleListUsers(req: ApiRequest): Promise<ApiResponse> {
  const q = req.query;
  const { limit, offset, cursor } = listQuerySchema.parse({
    limit: q.get("limit") ?? undefined,
    offset: q.get("offset") ?? undefined,
    cursor: q.get("cursor") ?? undefined,
  });
  const page = await listUsers({ limit, offset, cursor, minLsn: readAfterLsn(req) });
  return jsonResponse(200, { users: page.users, limit, offset, next_cursor: page.nextCursor });
}
