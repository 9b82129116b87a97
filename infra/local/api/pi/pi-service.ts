import type { AwsError } from "../aws-error";
import type { AwsRequest, AwsResponse } from "../aws-request";
import type { AwsService } from "../aws-service";
import { OperationFailure } from "../operation-failure";
import { describeDimensionKeysOperation } from "./operations/describe-dimension-keys";
import { getDimensionKeyDetailsOperation } from "./operations/get-dimension-key-details";
import { getResourceMetricsOperation } from "./operations/get-resource-metrics";
import { listAvailableResourceMetricsOperation } from "./operations/list-available-resource-metrics";
import type { PerformanceInsightsBackend } from "./pi-backend";
import { piErrors } from "./pi-errors";
import type { PiOperation } from "./pi-operation";
import { decodePiInput, encodePiError, encodePiOutput, targetOperation } from "./pi-protocol";

/** The PI operations served; a new one is one file and one line here. */
export function piOperations(backend: PerformanceInsightsBackend): PiOperation[] {
  return [
    getResourceMetricsOperation(backend),
    describeDimensionKeysOperation(backend),
    getDimensionKeyDetailsOperation(backend),
    listAvailableResourceMetricsOperation(backend),
  ];
}

export type PerformanceInsightsService = AwsService & {
  /** Whether a request is addressed to PI (its X-Amz-Target), so errors raised before routing answer in JSON 1.1. */
  speaks(request: AwsRequest): boolean;
};

/** Performance Insights on the shared port: signing name "pi", AWS JSON 1.1, `X-Amz-Target: PerformanceInsightsv20180227.<Op>`. */
export function createPerformanceInsightsService(backend: PerformanceInsightsBackend): PerformanceInsightsService {
  const operations = new Map(piOperations(backend).map((operation) => [operation.action, operation]));
  return {
    signingName: "pi",
    speaks: (request) => targetOperation(request) !== undefined && targetOperation(request) !== "",
    async handle(request, _requestId): Promise<AwsResponse> {
      const name = targetOperation(request);
      const operation = name ? operations.get(name) : undefined;
      if (operation === undefined) throw piErrors.unknownOperation();
      if (request.method !== "POST") throw piErrors.serialization("PI operations are called with POST.");
      try {
        const output = await operation.run(await decodePiInput(operation.inputShape, request.body));
        return encodePiOutput(operation.outputShape, output, operation.action);
      } catch (error) {
        throw new OperationFailure(operation.action, error);
      }
    },
    renderError(error: AwsError): AwsResponse {
      return encodePiError(error);
    },
  };
}
