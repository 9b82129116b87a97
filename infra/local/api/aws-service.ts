import type { AwsError } from "./aws-error";
import type { AwsRequest, AwsResponse } from "./aws-request";

/**
 * One AWS service on the shared port. The server picks it by the service name
 * in the request's SigV4 credential scope (`…/us-east-1/rds/aws4_request`);
 * inside, the service picks its protocol and operation (RDS: Query `Action`;
 * CloudWatch, later: `X-Amz-Target` for JSON 1.0, `/service/…/operation/…`
 * for RPC v2 CBOR, `Action` for Query). Errors are rendered by the service
 * because each protocol has its own error body.
 */
export interface AwsService {
  /** SigV4 signing name: "rds", "monitoring". */
  readonly signingName: string;
  handle(request: AwsRequest, requestId: string): Promise<AwsResponse>;
  renderError(error: AwsError, request: AwsRequest | undefined, requestId: string): AwsResponse;
}
