/**
 * node:http ⇄ ApiRequest/ApiResponse, for serving the API without Next's
 * request pipeline (the fast path in scripts/app-server.mjs, and tests).
 */
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Invalid, PayloadTooLarge } from "../errors";
import { apiSecurityHeaders, servedSecurely } from "../http/security-headers";
import { routeApiRequest } from "./api-router";
import { type ApiRequest, type ApiResponse, MAX_BODY_BYTES } from "./api-types";
import { cookieFrom } from "./cookies";

const SECURITY_HEADERS = Object.entries(apiSecurityHeaders(servedSecurely()));

const tooLarge = () => new PayloadTooLarge(`The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

export function toApiRequest(req: IncomingMessage): ApiRequest {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  let body: Promise<string> | undefined;
  return {
    method: req.method ?? "GET",
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
    params: {},
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    cookie: (name) => cookieFrom(req.headers.cookie, name),
    body: () => {
      body ??= readBody(req);
      return body;
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      done();
      req.resume(); // discard the rest, so the connection can carry the response
      reject(tooLarge());
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size).toString("utf8"));
    };
    const onError = () => {
      done();
      reject(new Invalid("The request body was cut off."));
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

export function sendApiResponse(res: ServerResponse, response: ApiResponse): void {
  const headers: Record<string, string | number> = response.headers;
  for (const [name, value] of SECURITY_HEADERS) headers[name] = value;
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  headers["content-length"] = Buffer.byteLength(response.body);
  // A client that sent too much may still be sending: close rather than read the rest.
  if (response.status === 413) headers.connection = "close";
  res.writeHead(response.status, headers).end(response.body);
}

/** Serves one request of the API. Never rejects: errors become responses inside routeApiRequest. */
export async function serveApiRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  sendApiResponse(res, await routeApiRequest(toApiRequest(req)));
}
