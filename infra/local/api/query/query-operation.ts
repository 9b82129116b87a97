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
  const declared = declaredMembers(definition.input, action);
  return {
    action,
    inputShape: NormalizedSchema.of(input),
    outputShape: NormalizedSchema.of(output),
    async run(decodedInput) {
      // A member of the model this operation does not handle is refused by name, never dropped: a client
      // (Terraform, the CLI) that asked for a change must not be told it succeeded when nothing changed.
      const unsupported = Object.keys(decodedInput as object).filter((member) => !declared.has(member));
      if (unsupported.length > 0) {
        const names = unsupported.map((member) => queryKey(NormalizedSchema.of(input), [member])).join(", ");
        throw commonErrors.invalidParameterCombination(
          `The local fleet does not support ${names} on ${action}: it refuses the request rather than ignore ${unsupported.length === 1 ? "it" : "them"}.`,
        );
      }
      // reportInput tells "member missing" (input undefined) from "member invalid".
      const parsed = definition.input.safeParse(decodedInput, { reportInput: true });
      if (!parsed.success) throw validationError(parsed.error, NormalizedSchema.of(input));
      return definition.handle(parsed.data);
    },
  };
}

/** The members an operation's zod input declares: an object schema, refined or not. */
function declaredMembers(schema: z.ZodType, action: string): Set<string> {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
  throw new Error(`${action}: its input must be a zod object, so that the members it handles are known`);
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
