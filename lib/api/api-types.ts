/**
 * The users API's transport-neutral request and response. Handlers are plain
 * functions over these, so Next's route files and a bare node:http server (the
 * fast path) run the very same code through thin adapters.
 */

export type ApiRequest = {
  /** Upper case, as sent: "GET", "POST"… */
  method: string;
  /** The decoded-free path, without the query string: "/api/v1/users/42". */
  path: string;
  query: URLSearchParams;
  /** Path parameters of the matched route, e.g. `{ id: "42" }`. */
  params: Record<string, string>;
  /** A request header by lower-case name. */
  header(name: string): string | undefined;
  cookie(name: string): string | undefined;
  /** The body as UTF-8 text; rejects with PayloadTooLarge past MAX_BODY_BYTES without reading the rest. */
  body(): Promise<string>;
};

export type ApiResponse = {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
};

export type ApiHandler = (req: ApiRequest) => Promise<ApiResponse>;

export const MAX_BODY_BYTES = 16 * 1024;

const JSON_TYPE = "application/json; charset=utf-8";

/** A JSON response; `body` is a plain object built by the handler, serialised once. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return jsonTextResponse(status, JSON.stringify(body), headers);
}

/** A JSON response from text serialised already (one serialisation shared by requests answered alike). */
export function jsonTextResponse(status: number, json: string, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: json };
}
