/**
 * Next.js route handlers ⇄ ApiRequest/ApiResponse. A route file only says
 * which route it serves: `export const GET = nextRoute(usersRoute)`.
 */
import "server-only";
import { Invalid, PayloadTooLarge } from "../errors";
import { apiSecurityHeaders, servedSecurely } from "../http/security-headers";
import { type ApiRoute, dispatch } from "./api-routes";
import { type ApiRequest, type ApiResponse, MAX_BODY_BYTES } from "./api-types";
import { cookieFrom } from "./cookies";

const SECURITY_HEADERS = apiSecurityHeaders(servedSecurely());

export type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type NextRouteHandler = (request: Request, context: NextRouteContext) => Promise<Response>;

const tooLarge = () => new PayloadTooLarge(`The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

export function fromWebRequest(request: Request, params: Record<string, string>): ApiRequest {
  const url = new URL(request.url);
  let body: Promise<string> | undefined;
  return {
    method: request.method,
    path: url.pathname,
    query: url.searchParams,
    params,
    header: (name) => request.headers.get(name) ?? undefined,
    cookie: (name) => cookieFrom(request.headers.get("cookie") ?? undefined, name),
    body: () => {
      body ??= readBody(request);
      return body;
    },
  };
}

async function readBody(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new Invalid("The request body was cut off.");
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

export function toWebResponse(response: ApiResponse): Response {
  return new Response(response.body ?? null, {
    status: response.status,
    headers: { ...response.headers, ...SECURITY_HEADERS },
  });
}

/** The handler a route file exports for each method; methods the route lacks answer 405 with Allow. */
export function nextRoute(route: ApiRoute): NextRouteHandler {
  return async (request, context) => {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries((await context.params) ?? {})) {
      if (typeof value === "string") params[key] = value;
    }
    return toWebResponse(await dispatch(route, fromWebRequest(request, params)));
  };
}
