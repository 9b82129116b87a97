import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ApiLogger } from "./api-logger";
import { AwsError } from "./aws-error";
import { type AwsRequest, type AwsResponse, readAwsRequest } from "./aws-request";
import type { AwsService } from "./aws-service";
import { commonErrors } from "./common-errors";
import { unwrapOperationFailure } from "./operation-failure";
import type { SigV4Verifier } from "./sigv4/verify-sigv4";

/** A finished request: the response to send plus what the access log records. */
export interface Outcome {
  readonly requestId: string;
  readonly service: string;
  readonly operation?: string;
  readonly response: AwsResponse;
  readonly error?: AwsError;
}

export interface PipelineOptions {
  readonly services: ReadonlyMap<string, AwsService>;
  /** Renders errors raised before the caller's service is known (no or bad signature). */
  readonly fallback: AwsService;
  readonly verify: SigV4Verifier;
  readonly logger: ApiLogger;
}

/**
 * read → verify SigV4 → route by the credential scope's service → handle.
 * Every failure ends as an AWS error response; anything that is not an
 * AwsError is logged with its stack and answered `InternalFailure`.
 */
export function createRequestPipeline(options: PipelineOptions): (incoming: IncomingMessage) => Promise<Outcome> {
  return async (incoming) => {
    const requestId = randomUUID();
    let request: AwsRequest | undefined;
    let service = options.fallback;
    try {
      request = await readAwsRequest(incoming);
      const caller = await options.verify(request);
      service = options.services.get(caller.service) ?? options.fallback;
      const response = await service.handle(request, requestId);
      return { requestId, service: service.signingName, operation: response.operation, response };
    } catch (thrown) {
      const { operation, cause } = unwrapOperationFailure(thrown);
      const error = cause instanceof AwsError ? cause : commonErrors.internalFailure();
      if (!(cause instanceof AwsError)) {
        // Only ids and names here: the request's headers (Authorization) and the secret are never logged.
        options.logger.error(
          {
            requestId,
            method: incoming.method,
            path: request?.path,
            service: service.signingName,
            operation,
            err: cause,
          },
          "aws api request failed",
        );
      }
      const response = service.renderError(error, request, requestId);
      return { requestId, service: service.signingName, operation, response, error };
    }
  };
}
