/** POST /api/v1/users → 201 with the user, its Location, and the read-your-writes token. */
import "server-only";
import { createUser } from "../../users/create-user";
import { userInputSchema } from "../../users/user-schemas";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../api-types";
import { readJsonBody } from "../read-json-body";
import { withWriteLsn } from "./read-your-writes";

export async function handleCreateUser(req: ApiRequest): Promise<ApiResponse> {
  const input = userInputSchema.parse(await readJsonBody(req));
  const { result: user, lsn } = await createUser(input);
  return withWriteLsn(jsonResponse(201, user, { location: `/api/v1/users/${user.id}` }), lsn);
}
