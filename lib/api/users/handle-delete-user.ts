/** DELETE /api/v1/users/:id → 204 without a body. */
import "server-only";
import { deleteUser } from "../../users/delete-user";
import { userIdSchema } from "../../users/user-schemas";
import type { ApiRequest, ApiResponse } from "../api-types";
import { withWriteLsn } from "./read-your-writes";

export async function handleDeleteUser(req: ApiRequest): Promise<ApiResponse> {
  const { id } = userIdSchema.parse(req.params);
  const { lsn } = await deleteUser({ id });
  return withWriteLsn({ status: 204, headers: {} }, lsn);
}
