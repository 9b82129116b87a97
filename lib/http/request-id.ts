/** The id that ties an error response to its log line: the caller's X-Request-Id when sane, else a new one. */
import { randomUUID } from "node:crypto";
import type { ApiRequest } from "./api-types";

const SANE = /^[\w.:-]{1,128}$/;

export function requestId(req: ApiRequest): string {
  const given = req.header("x-request-id");
  return given && SANE.test(given) ? given : randomUUID();
}
