import { NormalizedSchema } from "@smithy/core/schema";
import type { StaticOperationSchema } from "@smithy/types";
import type { z } from "zod";
import { AwsError } from "../aws-error";

/**
 * One PI operation: names and shapes from @aws-sdk/client-pi's service
 * model, input checked with zod, `handle` returning the modelled output.
 */
export interface PiOperation {
  readonly action: string;
  readonly inputShape: NormalizedSchema;
  readonly outputShape: NormalizedSchema;
  run(decodedInput: unknown): Promise<unknown>;
}

export function definePiOperation<Input, Output>(definition: {
  readonly schema: StaticOperationSchema;
  readonly input: z.ZodType<Input>;
  handle(input: Input): Output | Promise<Output>;
}): PiOperation {
  const [, , action, , input, output] = definition.schema;
  return {
    action,
    inputShape: NormalizedSchema.of(input),
    outputShape: NormalizedSchema.of(output),
    async run(decodedInput) {
      const parsed = definition.input.safeParse(decodedInput, { reportInput: true });
      if (!parsed.success) throw validationError(parsed.error);
      return definition.handle(parsed.data);
    },
  };
}

/**
 * A request that breaks the model's constraints, in the words AWS's JSON
 * services use for them: ValidationException naming the member's path as
 * `metricQueries.1.member.groupBy.limit`.
 */
function validationError(error: z.ZodError): AwsError {
  const issue = error.issues[0];
  const at = issue ? memberPath(issue.path) : "request";
  if (issue?.code === "invalid_type" && issue.input === undefined) {
    return new AwsError(
      "ValidationException",
      `1 validation error detected: Value null at '${at}' failed to satisfy constraint: Member must not be null`,
      400,
    );
  }
  if (issue?.code === "unrecognized_keys") {
    const where = issue.path.length > 0 ? `${at}.` : "";
    return new AwsError(
      "ValidationException",
      `1 validation error detected: ${issue.keys.map((k) => `'${where}${lowerFirst(k)}'`).join(", ")} is not a member this endpoint accepts`,
      400,
    );
  }
  return new AwsError(
    "ValidationException",
    `1 validation error detected: Value at '${at}' failed to satisfy constraint: ${issue?.message ?? "invalid"}`,
    400,
  );
}

/** ["MetricQueries", 0, "GroupBy", "Limit"] → "metricQueries.1.member.groupBy.limit". */
export function memberPath(path: readonly PropertyKey[]): string {
  return path.map((step) => (typeof step === "number" ? `${step + 1}.member` : lowerFirst(String(step)))).join(".");
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
