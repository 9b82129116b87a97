import type { IncomingMessage } from "node:http";
import { commonErrors } from "./common-errors";

/**
 * An incoming call as the signature check and the protocol handlers need it:
 * the raw wire path and query (SigV4 signs them as sent), header values the
 * way SigV4 canonicalises repeated headers, and the whole body.
 */
export interface AwsRequest {
  readonly method: string;
  /** Path as sent, still percent-encoded. */
  readonly path: string;
  /** Query string as sent (without "?"), still percent-encoded. */
  readonly rawQuery: string;
  /** Lower-case header name → values joined by "," (SigV4's rule for repeated headers). */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** What a service handler answers; the server adds the request id header. */
export interface AwsResponse {
  readonly status: number;
  readonly contentType: string;
  /** Text (XML, JSON) or bytes (CBOR). */
  readonly body: string | Uint8Array;
  /** Protocol headers beyond content-type (`smithy-protocol`, `x-amzn-query-error`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The operation that ran, for the access log. */
  readonly operation?: string;
}

/** PutMetricData's documented payload limit (1 MB) is the largest body any served call needs. */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function readAwsRequest(incoming: IncomingMessage): Promise<AwsRequest> {
  const url = incoming.url ?? "/";
  const queryStart = url.indexOf("?");
  const headers = new Map<string, string>();
  for (const [name, values] of Object.entries(incoming.headersDistinct)) {
    if (values !== undefined) headers.set(name.toLowerCase(), values.join(","));
  }
  return {
    method: incoming.method ?? "GET",
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    rawQuery: queryStart === -1 ? "" : url.slice(queryStart + 1),
    headers,
    body: await readBody(incoming),
  };
}

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw commonErrors.requestEntityTooLarge(MAX_BODY_BYTES);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
