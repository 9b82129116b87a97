/**
 * The one place errors become responses: `{ error, code, details? }` with the
 * status of the code. Invalid input (zod) is a 400 naming each bad field;
 * domain errors carry their own status and headers; anything else is a bug, a
 * 500 that says nothing to the client, with the real error in the log. Every
 * 5xx is logged with the request's id, method and path — never its body,
 * cookies or the database URL.
 */
import "server-only";
import { ZodError } from "zod";
import { driverError } from "../db/driver-error";
import {
  type DomainError,
  type ErrorDetail,
  isDomainError,
  MethodNotAllowed,
  TooManyRequests,
  Unauthorized,
  Unavailable,
} from "../errors";
import { log } from "../log";
import { type ApiRequest, type ApiResponse, jsonResponse } from "./api-types";
import { requestId } from "./request-id";

export function errorResponse(error: unknown, req: ApiRequest): ApiResponse {
  const id = requestId(req);
  if (error instanceof ZodError) return invalidInput(error, id);
  if (isDomainError(error)) return domainError(error, req, id);
  log().error({ err: error, requestId: id, method: req.method, path: req.path }, "request failed: internal error");
  return jsonResponse(500, { error: "Internal server error", code: "internal" }, { "x-request-id": id });
}

function invalidInput(error: ZodError, id: string): ApiResponse {
  const details: ErrorDetail[] = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join(".") : "body",
    message: issue.message,
  }));
  const message = details.map((d) => `Invalid ${d.field}: ${d.message}`).join("; ");
  return jsonResponse(400, { error: message, code: "validation_failed", details }, { "x-request-id": id });
}

function domainError(error: DomainError, req: ApiRequest, id: string): ApiResponse {
  const headers: Record<string, string> = { "x-request-id": id };
  if (error instanceof Unavailable) headers["retry-after"] = String(error.retryAfterSeconds);
  if (error instanceof MethodNotAllowed) headers.allow = error.allowed.join(", ");
  if (error instanceof TooManyRequests) headers["retry-after"] = String(error.retryAfterSeconds);
  if (error instanceof Unauthorized) headers["www-authenticate"] = 'Bearer realm="rdsdeck"';
  if (error.status >= 500) {
    const cause = error.cause === undefined ? undefined : driverError(error.cause);
    log().warn(
      { requestId: id, method: req.method, path: req.path, code: error.code, cause },
      `request failed: ${error.message}`,
    );
  }
  const body =
    error.details === undefined
      ? { error: error.message, code: error.code }
      : { error: error.message, code: error.code, details: error.details };
  return jsonResponse(error.status, body, headers);
}
