import type { AwsRequest } from "../../aws-request";

/** CloudWatch's service shape name: the X-Amz-Target prefix and the RPC v2 path segment. */
export const SERVICE_TARGET = "GraniteServiceVersion20100801";

export type CloudWatchProtocol =
  | { readonly kind: "cbor"; readonly operation: string }
  | { readonly kind: "json"; readonly operation: string }
  | { readonly kind: "query" };

const RPC_V2_PATH = new RegExp(`^/service/${SERVICE_TARGET}/operation/([A-Za-z0-9]+)$`);

/**
 * The protocol a request speaks, told apart as CloudWatch does: Smithy RPC v2
 * CBOR by its path, AWS JSON 1.0 by X-Amz-Target, anything else is AWS Query
 * (`Action=…` in a form body or the query string). An X-Amz-Target with
 * another service's prefix names no operation here (operation "").
 */
export function detectProtocol(request: AwsRequest): CloudWatchProtocol {
  const rpc = RPC_V2_PATH.exec(request.path);
  if (rpc) return { kind: "cbor", operation: rpc[1] as string };
  if (request.path.startsWith("/service/")) return { kind: "cbor", operation: "" };
  const target = request.headers.get("x-amz-target");
  if (target !== undefined) {
    const [prefix, operation] = target.split(".", 2);
    return { kind: "json", operation: prefix === SERVICE_TARGET && operation ? operation : "" };
  }
  return { kind: "query" };
}
