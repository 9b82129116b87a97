import { gunzipSync } from "node:zlib";
import type { AwsRequest } from "../aws-request";
import { MAX_BODY_BYTES } from "../aws-request";
import { commonErrors } from "../common-errors";
import { cloudWatchErrors } from "./cloudwatch-errors";

/** A compressed PutMetricData may not expand past this (CloudWatch's own limit on the uncompressed payload is 1 MB; allow slack). */
const MAX_INFLATED_BYTES = 4 * MAX_BODY_BYTES;

/**
 * The request with its body as the protocol reads it. The SDKs and botocore
 * gzip PutMetricData bodies above a size (request compression, signalled by
 * Content-Encoding: gzip); the signature covers the compressed bytes, so this
 * runs after SigV4 verification.
 */
export function inflatedRequest(request: AwsRequest): AwsRequest {
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding === undefined || encoding === "" || encoding === "identity") return request;
  if (encoding !== "gzip")
    throw cloudWatchErrors.serialization(`Content-Encoding '${encoding}' is not supported; use gzip.`);
  try {
    return { ...request, body: gunzipSync(request.body, { maxOutputLength: MAX_INFLATED_BYTES }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw commonErrors.requestEntityTooLarge(MAX_INFLATED_BYTES);
    throw cloudWatchErrors.serialization("The request body is not valid gzip data.");
  }
}
