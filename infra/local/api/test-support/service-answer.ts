/**
 * What the request pipeline does with a service's answer, without the HTTP
 * and SigV4 around it (the fuzz tests call services directly, thousands of
 * times): success, or an AwsError rendered in the request's protocol.
 * Anything else is what the pipeline would answer 500 InternalFailure.
 */
import { expect } from "vitest";
import { AwsError } from "../aws-error";
import type { AwsRequest, AwsResponse } from "../aws-request";
import type { AwsService } from "../aws-service";
import { unwrapOperationFailure } from "../operation-failure";

export type ServiceAnswer =
  | { readonly ok: true; readonly response: AwsResponse }
  | { readonly ok: false; readonly error: AwsError; readonly response: AwsResponse };

export async function serviceAnswer(service: AwsService, request: AwsRequest): Promise<ServiceAnswer> {
  try {
    const response = await service.handle(request, "fuzz-request");
    expect(response.status).toBe(200);
    return { ok: true, response };
  } catch (thrown) {
    const { cause } = unwrapOperationFailure(thrown);
    if (!(cause instanceof AwsError)) {
      throw new Error(`not an AWS error, so a 500 InternalFailure: ${String(cause)}`, { cause });
    }
    expect(cause.status, `${cause.code}: ${cause.message}`).toBeLessThan(500);
    return { ok: false, error: cause, response: service.renderError(cause, request, "fuzz-request") };
  }
}

/** Errors about what the client sent must say which parameter; these codes are the parameter-level ones. */
const PARAMETER_ERRORS = new Set(["MissingParameter", "InvalidParameterValue", "ValidationError"]);

export function expectRefusalNamesParameter(error: AwsError, parameterNames: readonly string[]): void {
  if (!PARAMETER_ERRORS.has(error.code)) return;
  // Case-insensitively and in the singular: AWS's own messages say "marker" for Marker, "filter name" for Filters.
  const message = error.message.toLowerCase();
  const named = parameterNames.some((name) => message.includes(name.toLowerCase().replace(/s$/, "")));
  expect(named, `${error.code} "${error.message}" names none of ${parameterNames.join(", ")}`).toBe(true);
}

export function awsRequest(parts: Partial<Omit<AwsRequest, "body">> & { body?: Buffer | string }): AwsRequest {
  const body = parts.body ?? Buffer.alloc(0);
  return {
    method: parts.method ?? "POST",
    path: parts.path ?? "/",
    rawQuery: parts.rawQuery ?? "",
    headers: parts.headers ?? new Map(),
    body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
  };
}
