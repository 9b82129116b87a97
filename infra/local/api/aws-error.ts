/**
 * An error as AWS puts it on the wire: a code (from the service model or the
 * documented common errors), a message for people, and the HTTP status AWS
 * pairs with that code. Handlers throw these; the protocol layer renders them,
 * so no handler knows whether the answer is XML, JSON or CBOR.
 */
export type AwsFaultType = "Sender" | "Receiver";

export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  /** Query protocol `<Type>`: who is at fault, the caller or the service. */
  readonly type: AwsFaultType;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = "AwsError";
    this.code = code;
    this.status = status;
    this.type = status >= 500 ? "Receiver" : "Sender";
  }
}
