import { AwsError } from "./aws-error";

/**
 * The errors common to every AWS API (RDS API Reference, "Common Errors"),
 * with the statuses documented there. Messages follow what AWS services send
 * on the wire where that is known (see the report of the API module); the
 * codes and statuses are the documented ones.
 */

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

export const commonErrors = {
  missingAuthenticationToken: () =>
    new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
  incompleteSignature: (message: string) => new AwsError("IncompleteSignature", message, 400),
  invalidClientTokenId: () =>
    new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
  signatureDoesNotMatch: (message: string = SIGNATURE_MISMATCH) => new AwsError("SignatureDoesNotMatch", message, 403),
  missingAction: () => new AwsError("MissingAction", "Missing Action", 400),
  invalidAction: (action: string) =>
    new AwsError("InvalidAction", `The action ${action} is not valid for this web service.`, 400),
  unsupportedVersion: (action: string, version: string) =>
    new AwsError("InvalidAction", `Could not find operation ${action} for version ${version}`, 400),
  missingParameter: (name: string) =>
    new AwsError("MissingParameter", `The request must contain the parameter ${name}`, 400),
  invalidParameterValue: (message: string) => new AwsError("InvalidParameterValue", message, 400),
  invalidParameterCombination: (message: string) => new AwsError("InvalidParameterCombination", message, 400),
  malformedQueryString: (message: string) => new AwsError("MalformedQueryString", message, 404),
  requestEntityTooLarge: (limitBytes: number) =>
    new AwsError("RequestEntityTooLarge", `Request body must not exceed ${limitBytes} bytes`, 413),
  internalFailure: () =>
    new AwsError(
      "InternalFailure",
      "The request processing has failed because of an unknown error, exception or failure.",
      500,
    ),
};
