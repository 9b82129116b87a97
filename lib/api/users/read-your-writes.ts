/**
 * The read-your-writes token: a write's WAL position, handed back in the
 * X-Rdsdeck-Lsn header (for API clients, which echo it) and the rdsdeck_lsn
 * cookie (for browsers, which echo it by themselves). A read that carries
 * either is served only by a server that has replayed that position.
 */
import { z } from "zod";
import { parseLsn } from "../../db/lsn";
import type { ApiRequest, ApiResponse } from "../api-types";

export const LSN_HEADER = "x-rdsdeck-lsn";
export const LSN_COOKIE = "rdsdeck_lsn";

/**
 * How long the cookie lives. Past it, any reader in rotation is within
 * DATABASE_READER_MAX_LAG_SECONDS (at most 30) of the writer and has the write anyway.
 */
const COOKIE_MAX_AGE_SECONDS = 60;

const lsnText = z.string().refine((s) => parseLsn(s) !== undefined, "expected a WAL position such as 0/3000060");
const tokenSchema = z.object({ "X-Rdsdeck-Lsn": lsnText.optional(), rdsdeck_lsn: lsnText.optional() });

/** The position a read must see, the later of header and cookie; a malformed one is a 400 naming it. */
export function readAfterLsn(req: ApiRequest): bigint | undefined {
  const header = req.header(LSN_HEADER);
  const cookie = req.cookie(LSN_COOKIE);
  if (header === undefined && cookie === undefined) return undefined;
  tokenSchema.parse({ "X-Rdsdeck-Lsn": header, rdsdeck_lsn: cookie });
  const a = header === undefined ? undefined : parseLsn(header);
  const b = cookie === undefined ? undefined : parseLsn(cookie);
  if (a === undefined) return b;
  if (b === undefined) return a;
  // Not Math.max: these are bigints.
  if (a >= b) return a;
  return b;
}

/** Adds the token of a write to its response. */
export function withWriteLsn(response: ApiResponse, lsn: string): ApiResponse {
  response.headers[LSN_HEADER] = lsn;
  response.headers["set-cookie"] =
    `${LSN_COOKIE}=${lsn}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax`;
  return response;
}
