/** GET /api/v1/users/:id → 200 with the user. */
import "server-only";
import { getUser } from "../../users/get-user";
import { userIdSchema } from "../../users/user-schemas";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../api-types";
import { readAfterLsn } from "./read-your-writes";

export async function handleGetUser(req: ApiRequest): Promise<ApiResponse> {
  const { id } = userIdSchema.parse(req.params);
  const user = await getUser({ id, minLsn: readAfterLsn(req) });
  return jsonResponse(200, user);
}
