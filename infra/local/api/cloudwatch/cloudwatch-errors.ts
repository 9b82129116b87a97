import {
  InternalServiceFault$,
  InvalidFormatFault$,
  InvalidNextToken$,
  InvalidParameterCombinationException$,
  InvalidParameterValueException$,
  LimitExceededFault$,
  MissingRequiredParameterException$,
  ResourceNotFound$,
  ValidationException$,
} from "@aws-sdk/client-cloudwatch";
import { NormalizedSchema } from "@smithy/core/schema";
import type { StaticErrorSchema } from "@smithy/types";
import { AwsError } from "../aws-error";

/**
 * CloudWatch's modelled errors. The Query code and status come from each
 * shape's `awsQueryError` trait (InvalidParameterValueException is sent as
 * `InvalidParameterValue`, 400); JSON and CBOR answers name the shape itself
 * (`com.amazonaws.cloudwatch#InvalidParameterValueException`) and carry the
 * Query code in `x-amzn-query-error`, as query-compatible services do.
 */
const MODELED: readonly StaticErrorSchema[] = [
  InvalidParameterValueException$,
  MissingRequiredParameterException$,
  InvalidParameterCombinationException$,
  ResourceNotFound$,
  LimitExceededFault$,
  InvalidNextToken$,
  InvalidFormatFault$,
  ValidationException$,
  InternalServiceFault$,
];

interface ModeledShape {
  readonly shapeId: string;
  readonly code: string;
  readonly status: number;
}

function shapeOf(schema: StaticErrorSchema): ModeledShape {
  const traits = NormalizedSchema.of(schema).getMergedTraits();
  const trait = traits.awsQueryError;
  const [code, status] =
    Array.isArray(trait) && typeof trait[0] === "string" && typeof trait[1] === "number"
      ? [trait[0], trait[1]]
      : [schema[2], 400];
  return { shapeId: `${schema[1]}#${schema[2]}`, code, status };
}

/** Query code → shape, so that the common errors (MissingParameter, InvalidParameterValue) map to CloudWatch's shapes too. */
const BY_CODE = new Map(MODELED.map((schema) => shapeOf(schema)).map((shape) => [shape.code, shape]));

function modeled(schema: StaticErrorSchema, message: string): AwsError {
  const shape = shapeOf(schema);
  return new AwsError(shape.code, message, shape.status);
}

/** The shape id a JSON or CBOR error names in `__type`: the modelled shape, else the bare code. */
export function errorTypeOf(error: AwsError): string {
  return BY_CODE.get(error.code)?.shapeId ?? error.code;
}

export const cloudWatchErrors = {
  invalidParameterValue: (message: string) => modeled(InvalidParameterValueException$, message),
  invalidParameterCombination: (message: string) => modeled(InvalidParameterCombinationException$, message),
  missingParameter: (message: string) => modeled(MissingRequiredParameterException$, message),
  resourceNotFound: (message: string) => modeled(ResourceNotFound$, message),
  limitExceeded: (message: string) => modeled(LimitExceededFault$, message),
  invalidNextToken: (message = "The service couldn't process the NextToken.") => modeled(InvalidNextToken$, message),
  invalidFormat: (message: string) => modeled(InvalidFormatFault$, message),
  validation: (message: string) => modeled(ValidationException$, message),
  /** A body that is not valid JSON or CBOR for the operation's input. */
  serialization: (message: string) => new AwsError("SerializationException", message, 400),
  unknownOperation: (status: number) =>
    new AwsError("UnknownOperationException", "The requested operation is not recognized by the service.", status),
};
