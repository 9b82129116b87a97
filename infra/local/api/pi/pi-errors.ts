import { AwsError } from "../aws-error";

/**
 * Performance Insights' modelled errors (all 400 but InternalServiceError),
 * worded as PI words them where its wording is known.
 */
export const piErrors = {
  invalidArgument: (message: string) => new AwsError("InvalidArgumentException", message, 400),
  /** What PI answers for a resource it has no data source for (an unknown id, or PI not enabled). */
  notAuthorized: (identifier: string, serviceType = "RDS") =>
    new AwsError(
      "NotAuthorizedException",
      `The resource ${identifier} for service type ${serviceType} is not authorized for this account`,
      400,
    ),
  serialization: (message: string) => new AwsError("SerializationException", message, 400),
  unknownOperation: () =>
    new AwsError("UnknownOperationException", "The requested operation is not recognized by the service.", 400),
};
