/** The id that ties a response to its log line and audit entry: the caller's X-Request-Id when sane, else a new one. */
import { randomUUID } from "node:crypto";
import type { ApiRequest } from "./api-types";

const SANE = /^[\w.:-]{1,128}$/;

// One id per request however often it is asked for: the error log, the audit entry and the response share it.
const ids = new WeakMap<ApiRequest, string>();

export function requestId(req: ApiRequest): string {
  let id = ids.get(req);
  if (id === undefined) {
    const given = req.header("x-request-id");
    id = given && SANE.test(given) ? given : randomUUID();
    ids.set(req, id);
  }
  return id;
}
