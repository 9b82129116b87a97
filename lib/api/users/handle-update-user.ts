/** PUT /api/v1/users/:id with name and email (both required) → 200 with the user and a new updated_at. */
import "server-only";
import { updateUser } from "../../users/update-user";
import { userIdSchema, userInputSchema } from "../../users/user-schemas";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../api-types";
import { readJsonBody } from "../read-json-body";
import { withWriteLsn } from "./read-your-writes";

export async function handleUpdateUser(req: ApiRequest): Promise<ApiResponse> {
  // The id first: a request to a non-numeric id is a 400 whatever its body.
  const { id } = userIdSchema.parse(req.params);
  const input = userInputSchema.parse(await readJsonBody(req));
  const { result: user, lsn } = await updateUser({ id, ...input });
  return withWriteLsn(jsonResponse(200, user), lsn);
}
