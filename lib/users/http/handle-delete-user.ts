/** DELETE /api/v1/users/:id → 204 without a body. */
import "server-only";
import type { ApiRequest, ApiResponse } from "../../http/api-types";
import { deleteUser } from "../delete-user";
import { userIdSchema } from "../user-schemas";
import { withWriteLsn } from "./read-your-writes";

export async function handleDeleteUser(req: ApiRequest): Promise<ApiResponse> {
  const { id } = userIdSchema.parse(req.params);
  const { lsn } = await deleteUser({ id });
  return withWriteLsn({ status: 204, headers: {} }, lsn);
}
