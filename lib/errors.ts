/**
 * The domain's error model. lib/ throws these; routes and pages map them in
 * one place (HTTP status and `{ error, code, details? }` for APIs, a panel for
 * pages). Their messages are written for the person reading them: no stack
 * traces, SQL or raw driver text.
 */

export const errorCodes = {
  not_found: { status: 404 },
  conflict: { status: 409 },
  invalid: { status: 400 },
  unavailable: { status: 503 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof errorCodes;

/** One problem with one input field, e.g. `{ path: "email", message: "expected an email address" }`. */
export type ErrorDetail = { path: string; message: string };

type DomainErrorOptions = { cause?: unknown; details?: ErrorDetail[]; hint?: string };

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** What the reader can do about it, e.g. "Is the local fleet running? Start it with npm start." */
  readonly hint: string | undefined;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
    this.hint = options.hint;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export class NotFound extends DomainError {
  override name = "NotFound";
  readonly code = "not_found";
}

export class Conflict extends DomainError {
  override name = "Conflict";
  readonly code = "conflict";
}

export class Invalid extends DomainError {
  override name = "Invalid";
  readonly code = "invalid";
}

/** A dependency (the RDS API, a database) cannot be reached or refused to serve. */
export class Unavailable extends DomainError {
  override name = "Unavailable";
  readonly code = "unavailable";
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
