import { randomUUID } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../../sigv4/node-sha256";
import { CREDENTIALS, REGION } from "../../test-support/test-server";

export interface SignedRequestOptions {
  readonly method?: "GET" | "POST";
  readonly path?: string;
  /** Already encoded, without "?". */
  readonly query?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  readonly secretAccessKey?: string;
  /** Another endpoint's key (a real fleet's); the test server's by default. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * A request signed as botocore signs CloudWatch calls (SigV4, service
 * "monitoring", host + x-amz-date + the given headers), sent with fetch so
 * that only the wire format is shared with the server.
 */
export async function signedRequest(url: string, options: SignedRequestOptions = {}) {
  const target = new URL(url);
  const method = options.method ?? "POST";
  const path = options.path ?? "/";
  const signer = new SignatureV4({
    credentials: {
      ...(options.credentials ?? CREDENTIALS),
      ...(options.secretAccessKey ? { secretAccessKey: options.secretAccessKey } : {}),
    },
    region: REGION,
    service: "monitoring",
    sha256: NodeSha256,
    applyChecksum: false,
  });
  // botocore signs a fresh invocation id into every call: a request is never signed the same twice.
  const headers = { host: target.host, "amz-sdk-invocation-id": randomUUID(), ...options.headers };
  const signed = await signer.sign(
    {
      method,
      protocol: "http:",
      hostname: target.hostname,
      port: Number(target.port),
      path,
      query: Object.fromEntries(new URLSearchParams(options.query ?? "")),
      headers,
      body: options.body,
    },
    { signingDate: new Date(), signableHeaders: new Set(Object.keys(headers)) },
  );
  const { host: _host, ...sent } = signed.headers;
  const response = await fetch(`${url}${path}${options.query ? `?${options.query}` : ""}`, {
    method,
    headers: sent,
    ...(method === "POST" ? { body: options.body } : {}),
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}
