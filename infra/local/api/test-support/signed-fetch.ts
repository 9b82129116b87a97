import { randomUUID } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../sigv4/node-sha256";
import { CREDENTIALS, REGION } from "./test-server";

export interface SignedFetchOptions {
  readonly method?: "GET" | "POST";
  /** "/" unless told otherwise (RPC v2 CBOR puts the operation in the path). */
  readonly path?: string;
  /** Query string without "?", already encoded. */
  readonly query?: string;
  readonly body?: string | Uint8Array<ArrayBuffer>;
  /** Headers that are signed (besides host and x-amz-date). */
  readonly headers?: Record<string, string>;
  /** Headers added after signing, as clients add User-Agent. */
  readonly unsignedHeaders?: Record<string, string>;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  readonly region?: string;
  readonly service?: string;
  readonly signingDate?: Date;
  /** Send this body instead of the one that was signed. */
  readonly tamperedBody?: string | Uint8Array<ArrayBuffer>;
}

/**
 * A request signed the way botocore and the aws CLI sign Query calls: SigV4
 * over host, x-amz-date and the given headers (content-type for a form body),
 * sent with fetch so that nothing but the wire format is shared with the SDK.
 */
export async function signedFetch(url: string, options: SignedFetchOptions = {}) {
  const target = new URL(url);
  const method = options.method ?? "POST";
  const path = options.path ?? "/";
  const signer = new SignatureV4({
    credentials: options.credentials ?? CREDENTIALS,
    region: options.region ?? REGION,
    service: options.service ?? "rds",
    sha256: NodeSha256,
    // botocore adds no x-amz-content-sha256 outside S3; tests add it explicitly when they want it.
    applyChecksum: false,
  });
  const query = Object.fromEntries(new URLSearchParams(options.query ?? ""));
  const signed = await signer.sign(
    {
      method,
      protocol: "http:",
      hostname: target.hostname,
      port: Number(target.port),
      path,
      query,
      // botocore signs a fresh invocation id into every call: a request is never signed the same twice.
      headers: { host: target.host, "amz-sdk-invocation-id": randomUUID(), ...options.headers },
      body: options.body,
    },
    {
      signingDate: options.signingDate ?? new Date(),
      signableHeaders: new Set(["amz-sdk-invocation-id", ...Object.keys(options.headers ?? {})]),
    },
  );
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(`${url}${path}${options.query ? `?${options.query}` : ""}`, {
    method,
    headers: { ...headers, ...options.unsignedHeaders },
    ...(method === "POST" ? { body: options.tamperedBody ?? options.body } : {}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    response,
    bytes,
    text: new TextDecoder().decode(bytes),
    authorization: signed.headers.authorization ?? "",
  };
}

/** The form body botocore sends: Action and Version first, then the parameters. */
export function formBody(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
