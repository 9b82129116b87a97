/**
 * Any error thrown while an operation ran, wrapped with the operation's name
 * so that the access log and the error log can say which action failed.
 * The pipeline unwraps it: the cause decides the response.
 */
export class OperationFailure extends Error {
  readonly operation: string;

  constructor(operation: string, cause: unknown) {
    super(`${operation} failed`, { cause });
    this.name = "OperationFailure";
    this.operation = operation;
  }
}

export function unwrapOperationFailure(error: unknown): { operation: string | undefined; cause: unknown } {
  return error instanceof OperationFailure
    ? { operation: error.operation, cause: error.cause }
    : { operation: undefined, cause: error };
}
