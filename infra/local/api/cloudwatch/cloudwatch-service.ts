import type { AwsError } from "../aws-error";
import type { AwsRequest, AwsResponse } from "../aws-request";
import type { AwsService } from "../aws-service";
import { OperationFailure } from "../operation-failure";
import type { QueryOperation } from "../query/query-operation";
import { handleQueryRequest, type QueryService, queryErrorResponse } from "../query/query-service";
import type { CloudWatchBackend } from "./cloudwatch-backend";
import { cloudWatchErrors } from "./cloudwatch-errors";
import { listNotifications, NOTIFICATIONS_PATH } from "./notifications-route";
import { alarmActionsOperations } from "./operations/alarm-actions";
import { deleteAlarmsOperation } from "./operations/delete-alarms";
import { describeAlarmHistoryOperation } from "./operations/describe-alarm-history";
import { describeAlarmsOperation } from "./operations/describe-alarms";
import { describeAlarmsForMetricOperation } from "./operations/describe-alarms-for-metric";
import { getMetricDataOperation } from "./operations/get-metric-data";
import { getMetricStatisticsOperation } from "./operations/get-metric-statistics";
import { listMetricsOperation } from "./operations/list-metrics";
import { putMetricAlarmOperation } from "./operations/put-metric-alarm";
import { putMetricDataOperation } from "./operations/put-metric-data";
import { setAlarmStateOperation } from "./operations/set-alarm-state";
import { checkCborRequest, decodeCborInput, encodeCborError, encodeCborOutput } from "./protocols/cbor";
import { detectProtocol } from "./protocols/detect-protocol";
import { decodeJsonInput, encodeJsonError, encodeJsonOutput } from "./protocols/json";
import { inflatedRequest } from "./request-body";

export const CLOUDWATCH_API_VERSION = "2010-08-01";

/** The CloudWatch actions served; a new one is one file and one line here. */
export function cloudWatchOperations(backend: CloudWatchBackend): QueryOperation[] {
  return [
    getMetricDataOperation(backend),
    getMetricStatisticsOperation(backend),
    listMetricsOperation(backend),
    putMetricDataOperation(backend),
    putMetricAlarmOperation(backend),
    describeAlarmsOperation(backend),
    describeAlarmsForMetricOperation(backend),
    deleteAlarmsOperation(backend),
    describeAlarmHistoryOperation(backend),
    setAlarmStateOperation(backend),
    ...alarmActionsOperations(backend),
  ];
}

export type CloudWatchService = AwsService & {
  /** Whether a request speaks JSON or CBOR, so errors raised before routing can answer in kind. */
  speaks(request: AwsRequest): boolean;
};

/**
 * CloudWatch on the shared port (signing name "monitoring"), in each wire
 * protocol CloudWatch accepts, chosen per request as CloudWatch does. Every
 * protocol runs the same operations: names, types and shapes come from the
 * SDK's service model; the handlers never see the wire format.
 */
export function createCloudWatchService(backend: CloudWatchBackend): CloudWatchService {
  const operations = new Map(cloudWatchOperations(backend).map((operation) => [operation.action, operation]));
  const query: QueryService = {
    xmlNamespace: `http://monitoring.amazonaws.com/doc/${CLOUDWATCH_API_VERSION}/`,
    version: CLOUDWATCH_API_VERSION,
    operations,
  };

  const run = async (operation: QueryOperation, input: () => unknown | Promise<unknown>): Promise<unknown> => {
    try {
      return await operation.run(await input());
    } catch (error) {
      throw new OperationFailure(operation.action, error);
    }
  };

  return {
    signingName: "monitoring",
    speaks: (request) => request.path === NOTIFICATIONS_PATH || detectProtocol(request).kind !== "query",
    async handle(request, requestId): Promise<AwsResponse> {
      if (request.path === NOTIFICATIONS_PATH && request.method === "GET") return listNotifications(backend, request);
      const protocol = detectProtocol(request);
      if (protocol.kind === "query") return handleQueryRequest(query, inflatedRequest(request), requestId);
      if (protocol.kind === "cbor") checkCborRequest(request);
      const operation = operations.get(protocol.operation);
      if (operation === undefined) throw cloudWatchErrors.unknownOperation(protocol.kind === "cbor" ? 404 : 400);
      const body = inflatedRequest(request).body;
      if (protocol.kind === "json") {
        const output = await run(operation, () => decodeJsonInput(operation.inputShape, body));
        return encodeJsonOutput(operation.outputShape, output, operation.action);
      }
      const output = await run(operation, () => decodeCborInput(operation.inputShape, body));
      return encodeCborOutput(operation.outputShape, output, operation.action);
    },
    renderError(error: AwsError, request: AwsRequest | undefined, requestId: string): AwsResponse {
      if (request === undefined) return queryErrorResponse(query, error, requestId);
      if (request.path === NOTIFICATIONS_PATH) return encodeJsonError(error);
      const protocol = detectProtocol(request);
      if (protocol.kind === "json") return encodeJsonError(error);
      if (protocol.kind === "cbor") return encodeCborError(error);
      return queryErrorResponse(query, error, requestId);
    },
  };
}
