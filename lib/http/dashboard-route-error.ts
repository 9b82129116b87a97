/**
 * What a dashboard route handler (not the users API, which has
 * error-response.ts) answers when it fails: invalid input is a 400 naming
 * each field, a domain error its own status and message (with its hint), and
 * anything else a 500 that says nothing, the real error in the log.
 */
import "server-only";
import { ZodError } from "zod";
import { type ErrorDetail, isDomainError } from "../errors";
import { log } from "../log";

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });

/** `where` says what failed (route, instance, file) for the log; it must hold no secret. */
export function dashboardRouteError(error: unknown, where: Record<string, unknown>): Response {
  if (error instanceof ZodError) {
    const details: ErrorDetail[] = error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join(".") : "query",
      message: issue.message,
    }));
    const message = details.map((d) => `Invalid ${d.field}: ${d.message}`).join("; ");
    return json(400, { error: message, code: "validation_failed", details });
  }
  if (isDomainError(error)) {
    // callRds has logged RDS's refusals and outages with their context already.
    const body = error.hint
      ? { error: error.message, code: error.code, hint: error.hint }
      : { error: error.message, code: error.code };
    return json(error.status, body);
  }
  log().error({ ...where, err: error }, "dashboard route failed: internal error");
  return json(500, { error: "Internal server error", code: "internal" });
}
