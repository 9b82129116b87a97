/** GET /api/v1/openapi.json: the document is built once per process, then served as a string. */
import "server-only";
import { usersOpenApiDocument } from "../../users/openapi-document";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../api-types";

let cached: ApiResponse | undefined;

export async function handleOpenApi(_req: ApiRequest): Promise<ApiResponse> {
  cached ??= jsonResponse(200, usersOpenApiDocument(), { "cache-control": "public, max-age=300" });
  return { ...cached, headers: { ...cached.headers } };
}
