import { JsonCodec2 } from "@smithy/core/protocols";
import type { NormalizedSchema } from "@smithy/core/schema";
import type { AwsError } from "../aws-error";
import type { AwsRequest, AwsResponse } from "../aws-request";
import { piErrors } from "./pi-errors";

/** PI's service shape name: the X-Amz-Target prefix. */
export const PI_TARGET_PREFIX = "PerformanceInsightsv20180227";
export const PI_CONTENT_TYPE = "application/x-amz-json-1.1";

/**
 * AWS JSON 1.1 with the SDK's own codec, configured as @aws-sdk/client-pi
 * configures it (timestamps as epoch seconds, member names as modelled).
 */
const codec = new JsonCodec2({ timestampFormat: { useTrait: true, default: 7 }, jsonName: false });

/** The operation an X-Amz-Target names; "" when it names none of PI's. */
export function targetOperation(request: AwsRequest): string | undefined {
  const target = request.headers.get("x-amz-target");
  if (target === undefined) return undefined;
  const [prefix, operation] = target.split(".", 2);
  return prefix === PI_TARGET_PREFIX && operation ? operation : "";
}

export async function decodePiInput(shape: NormalizedSchema, body: Buffer): Promise<unknown> {
  if (body.length === 0) return {};
  try {
    return (await codec.createDeserializer().read(shape, body.toString("utf8"))) ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw piErrors.serialization(`The request body could not be read as ${shape.getName() ?? "input"}: ${reason}`);
  }
}

export function encodePiOutput(shape: NormalizedSchema, output: unknown, operation: string): AwsResponse {
  const serializer = codec.createSerializer();
  serializer.write(shape, output ?? {});
  // The codec's bytes are a Uint8Array subclass whose valueOf() is a string: copy them as plain bytes.
  const body = Uint8Array.prototype.slice.call(serializer.flush());
  return { status: 200, contentType: PI_CONTENT_TYPE, body, operation };
}

/** `{"__type": "<code>", "Message": …}`: JSON 1.1 clients read the code from __type, the text from Message. */
export function encodePiError(error: AwsError): AwsResponse {
  return {
    status: error.status,
    contentType: PI_CONTENT_TYPE,
    body: JSON.stringify({ __type: error.code, Message: error.message }),
  };
}
