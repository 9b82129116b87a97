import { JsonCodec2 } from "@smithy/core/protocols";
import type { NormalizedSchema } from "@smithy/core/schema";
import type { AwsError } from "../../aws-error";
import type { AwsResponse } from "../../aws-request";
import { cloudWatchErrors, errorTypeOf } from "../cloudwatch-errors";

/**
 * AWS JSON 1.0 with the SDK's own codec, configured as
 * @aws-sdk/client-cloudwatch configures it (timestamps as epoch seconds,
 * member names as modelled), so both sides read the model the same way.
 */
const codec = new JsonCodec2({ timestampFormat: { useTrait: true, default: 7 }, jsonName: false });

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.0";

export async function decodeJsonInput(shape: NormalizedSchema, body: Buffer): Promise<unknown> {
  if (body.length === 0) return {};
  try {
    return (await codec.createDeserializer().read(shape, body.toString("utf8"))) ?? {};
  } catch (error) {
    throw cloudWatchErrors.serialization(
      `The request body could not be read as ${shape.getName() ?? "input"}: ${reason(error)}`,
    );
  }
}

export function encodeJsonOutput(shape: NormalizedSchema, output: unknown, operation: string): AwsResponse {
  if (!shape.isStructSchema()) return { status: 200, contentType: JSON_CONTENT_TYPE, body: "{}", operation };
  const serializer = codec.createSerializer();
  serializer.write(shape, output ?? {});
  return { status: 200, contentType: JSON_CONTENT_TYPE, body: copyBytes(serializer.flush()), operation };
}

/**
 * `{"__type": "<shape id>", "message": …}` plus `x-amzn-query-error:
 * <Query code>;<Sender|Receiver>`, which the SDK (awsQueryCompatible) and
 * botocore read to raise the same error code a Query client would see.
 */
export function encodeJsonError(error: AwsError): AwsResponse {
  return {
    status: error.status,
    contentType: JSON_CONTENT_TYPE,
    headers: { "x-amzn-query-error": `${error.code};${error.type}` },
    body: JSON.stringify({ __type: errorTypeOf(error), message: error.message }),
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The codec's bytes are a Uint8Array subclass whose valueOf() is a string: copy them as plain bytes. */
function copyBytes(bytes: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes);
}
