import { NormalizedSchema } from "@smithy/core/schema";
import type { StaticOperationSchema } from "@smithy/types";
import { z } from "zod";
import type { AwsError } from "../aws-error";
import { commonErrors } from "../common-errors";

/**
 * One AWS Query action. Its names and shapes come from the SDK's service
 * model (`schema`), its input is validated with zod, and `handle` returns the
 * output object that the model's output shape describes.
 */
export interface QueryOperationDefinition<Input, Output> {
  readonly schema: StaticOperationSchema;
  readonly input: z.ZodType<Input>;
  /**
   * Refuse, naming it, every member of the model's input that `input` does
   * not declare. Without it such members are decoded and then dropped by
   * zod: a client would be told "done" for a setting nothing applied.
   */
  readonly refuseUndeclared?: boolean;
  handle(input: Input): Output | Promise<Output>;
}

/** The same, with its types erased so that a service can hold a list of them. */
export interface QueryOperation {
  readonly action: string;
  readonly inputShape: NormalizedSchema;
  readonly outputShape: NormalizedSchema;
  run(decodedInput: unknown): Promise<unknown>;
}

export function defineQueryOperation<Input, Output>(
  definition: QueryOperationDefinition<Input, Output>,
): QueryOperation {
  const [, , action, , input, output] = definition.schema;
  return {
    action,
    inputShape: NormalizedSchema.of(input),
    outputShape: NormalizedSchema.of(output),
    async run(decodedInput) {
      if (definition.refuseUndeclared)
        refuseUndeclared(action, definition.input, decodedInput, NormalizedSchema.of(input));
      // reportInput tells "member missing" (input undefined) from "member invalid".
      const parsed = definition.input.safeParse(decodedInput, { reportInput: true });
      if (!parsed.success) throw validationError(parsed.error, NormalizedSchema.of(input));
      return definition.handle(parsed.data);
    },
  };
}

/** The first member the client sent that the operation's zod input does not declare, refused by its wire name. */
function refuseUndeclared(action: string, schema: z.ZodType, decoded: unknown, inputShape: NormalizedSchema): void {
  if (!(schema instanceof z.ZodObject) || typeof decoded !== "object" || decoded === null) return;
  const declared = new Set(Object.keys(schema.shape));
  const undeclared = Object.keys(decoded).find((member) => !declared.has(member));
  if (undeclared === undefined) return;
  throw commonErrors.invalidParameterValue(
    `The local fleet does not support the parameter ${queryKey(inputShape, [undeclared])} of ${action}; nothing was done.`,
  );
}

/** zod's first issue, in AWS's words, naming the parameter as the client sent it. */
function validationError(error: z.ZodError, inputShape: NormalizedSchema): AwsError {
  const issue = error.issues[0];
  if (issue === undefined) return commonErrors.invalidParameterValue("Invalid request.");
  const name = queryKey(inputShape, issue.path) || "request";
  if (issue.code === "invalid_type" && issue.input === undefined) return commonErrors.missingParameter(name);
  return commonErrors.invalidParameterValue(`Invalid value for parameter ${name}: ${issue.message}`);
}

/** ["Filters", 0, "Name"] → "Filters.Filter.1.Name", the key the client used. */
function queryKey(shape: NormalizedSchema, path: readonly PropertyKey[]): string {
  const keys: string[] = [];
  let current: NormalizedSchema | undefined = shape;
  for (const step of path) {
    if (current?.isListSchema() && typeof step === "number") {
      const item: NormalizedSchema = current.getValueSchema();
      if (current.getMergedTraits().xmlFlattened !== 1) keys.push(item.getMergedTraits().xmlName ?? "member");
      keys.push(String(step + 1));
      current = item;
    } else if (current?.isStructSchema() && typeof step === "string") {
      const member: NormalizedSchema | undefined = current.getMemberSchemas()[step];
      keys.push(member?.getMergedTraits().xmlName ?? step);
      current = member;
    } else {
      keys.push(String(step));
      current = undefined;
    }
  }
  return keys.join(".");
}
