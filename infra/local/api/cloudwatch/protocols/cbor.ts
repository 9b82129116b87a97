import { CborCodec, cbor } from "@smithy/core/cbor";
import type { NormalizedSchema } from "@smithy/core/schema";
import type { AwsError } from "../../aws-error";
import type { AwsRequest, AwsResponse } from "../../aws-request";
import { cloudWatchErrors, errorTypeOf } from "../cloudwatch-errors";

/**
 * Smithy RPC v2 CBOR with @smithy/core's codec (the one the SDK's
 * AwsSmithyRpcV2CborProtocol uses): timestamps as tag 1 epoch seconds,
 * members by their modelled names.
 */
const codec = new CborCodec();

export const CBOR_CONTENT_TYPE = "application/cbor";
const PROTOCOL_HEADERS = { "smithy-protocol": "rpc-v2-cbor" } as const;

/** Requests must say which protocol they speak; a client that sent CBOR without it is not an RPC v2 client. */
export function checkCborRequest(request: AwsRequest): void {
  if (request.headers.get("smithy-protocol") !== "rpc-v2-cbor") {
    throw cloudWatchErrors.serialization("RPC v2 requests must carry the header smithy-protocol: rpc-v2-cbor.");
  }
}

export function decodeCborInput(shape: NormalizedSchema, body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return codec.createDeserializer().read(shape, new Uint8Array(body.buffer, body.byteOffset, body.byteLength)) ?? {};
  } catch (error) {
    throw cloudWatchErrors.serialization(
      `The request body could not be read as CBOR ${shape.getName() ?? "input"}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function encodeCborOutput(shape: NormalizedSchema, output: unknown, operation: string): AwsResponse {
  // An operation without output (PutMetricData, DeleteAlarms…) answers with an empty body.
  if (!shape.isStructSchema()) {
    return { status: 200, contentType: CBOR_CONTENT_TYPE, headers: PROTOCOL_HEADERS, body: "", operation };
  }
  const serializer = codec.createSerializer();
  serializer.write(shape, output ?? {});
  // The serializer writes into a buffer it reuses: copy before the next response is encoded.
  const body = Uint8Array.from(serializer.flush());
  return { status: 200, contentType: CBOR_CONTENT_TYPE, headers: PROTOCOL_HEADERS, body, operation };
}

export function encodeCborError(error: AwsError): AwsResponse {
  return {
    status: error.status,
    contentType: CBOR_CONTENT_TYPE,
    headers: { ...PROTOCOL_HEADERS, "x-amzn-query-error": `${error.code};${error.type}` },
    body: Uint8Array.from(cbor.serialize({ __type: errorTypeOf(error), message: error.message })),
  };
}
