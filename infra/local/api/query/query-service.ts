import type { AwsError } from "../aws-error";
import type { AwsRequest, AwsResponse } from "../aws-request";
import { commonErrors } from "../common-errors";
import { OperationFailure } from "../operation-failure";
import { decodeQueryInput } from "./query-input";
import type { QueryOperation } from "./query-operation";
import { queryParameters } from "./query-params";
import { structureToXml, type XmlElement } from "./schema-xml";
import { queryErrorXml, querySuccessXml } from "./xml-response";

/** An AWS service spoken in the Query protocol: RDS now, CloudWatch's Query flavour later. */
export interface QueryService {
  /** e.g. http://rds.amazonaws.com/doc/2014-10-31/ */
  readonly xmlNamespace: string;
  /** The API version clients send as `Version`, e.g. 2014-10-31. */
  readonly version: string;
  readonly operations: ReadonlyMap<string, QueryOperation>;
}

const XML = "text/xml";

/** Dispatches on `Action`, checks `Version`, decodes, runs, and wraps the result. */
export async function handleQueryRequest(
  service: QueryService,
  request: AwsRequest,
  requestId: string,
): Promise<AwsResponse> {
  const params = queryParameters(request);
  const action = params.get("Action");
  if (action === undefined || action === "") throw commonErrors.missingAction();
  const operation = service.operations.get(action);
  if (operation === undefined) throw commonErrors.invalidAction(action);
  const version = params.get("Version");
  if (version === undefined || version === "") throw commonErrors.missingParameter("Version");
  if (version !== service.version) throw commonErrors.unsupportedVersion(action, version);

  let result: XmlElement | undefined;
  try {
    const output = await operation.run(decodeQueryInput(operation.inputShape, params));
    result = operation.outputShape.isStructSchema()
      ? structureToXml(operation.outputShape, output ?? {}, `${action}Result`)
      : undefined;
  } catch (error) {
    throw new OperationFailure(action, error);
  }
  return {
    status: 200,
    contentType: XML,
    body: querySuccessXml({ action, xmlNamespace: service.xmlNamespace, result, requestId }),
    operation: action,
  };
}

export function queryErrorResponse(service: QueryService, error: AwsError, requestId: string): AwsResponse {
  return {
    status: error.status,
    contentType: XML,
    body: queryErrorXml({ xmlNamespace: service.xmlNamespace, error, requestId }),
  };
}
