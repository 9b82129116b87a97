/**
 * The domain's error model. lib/ throws these; routes and pages map them in
 * one place (HTTP status and `{ error, code, details? }` for APIs — see
 * lib/api/error-response.ts — a panel for pages). Their messages are written
 * for the person reading them: no stack traces, SQL or raw driver text.
 */

/** Every code a response may carry, with its HTTP status: clients branch on `code`, never on `error`. */
export const errorCodes = {
  invalid: { status: 400 },
  invalid_json: { status: 400 },
  validation_failed: { status: 400 },
  unauthorized: { status: 401 },
  forbidden: { status: 403 },
  not_found: { status: 404 },
  method_not_allowed: { status: 405 },
  conflict: { status: 409 },
  email_taken: { status: 409 },
  payload_too_large: { status: 413 },
  unsupported_media_type: { status: 415 },
  rate_limited: { status: 429 },
  internal: { status: 500 },
  unavailable: { status: 503 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof errorCodes;

/** The codes that share one HTTP status, so a class can only carry a code that matches its status. */
type CodeWithStatus<S extends number> = {
  [K in ErrorCode]: (typeof errorCodes)[K]["status"] extends S ? K : never;
}[ErrorCode];

/** One problem with one input field, e.g. `{ field: "email", message: "expected an email address" }`. */
export type ErrorDetail = { field: string; message: string };

type DomainErrorOptions<C extends ErrorCode> = {
  cause?: unknown;
  details?: ErrorDetail[];
  hint?: string;
  /** A more specific code than the class's default, e.g. `email_taken` for a Conflict. */
  code?: C;
};

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  /** What the reader can do about it, e.g. "Is the local fleet running? Start it with npm start." */
  readonly hint: string | undefined;

  constructor(message: string, options: DomainErrorOptions<ErrorCode> = {}) {
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
  readonly code: CodeWithStatus<404>;
  constructor(message: string, options: DomainErrorOptions<CodeWithStatus<404>> = {}) {
    super(message, options);
    this.code = options.code ?? "not_found";
  }
}

export class Conflict extends DomainError {
  override name = "Conflict";
  readonly code: CodeWithStatus<409>;
  constructor(message: string, options: DomainErrorOptions<CodeWithStatus<409>> = {}) {
    super(message, options);
    this.code = options.code ?? "conflict";
  }
}

export class Invalid extends DomainError {
  override name = "Invalid";
  readonly code: CodeWithStatus<400>;
  constructor(message: string, options: DomainErrorOptions<CodeWithStatus<400>> = {}) {
    super(message, options);
    this.code = options.code ?? "invalid";
  }
}

/** A dependency (the RDS API, a database) cannot be reached or refused to serve. */
export class Unavailable extends DomainError {
  override name = "Unavailable";
  readonly code = "unavailable";
  /** Sent as `Retry-After`: how soon trying again is worth it. */
  readonly retryAfterSeconds: number;
  constructor(message: string, options: DomainErrorOptions<"unavailable"> & { retryAfterSeconds?: number } = {}) {
    super(message, options);
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
  }
}

export class PayloadTooLarge extends DomainError {
  override name = "PayloadTooLarge";
  readonly code = "payload_too_large";
}

export class UnsupportedMediaType extends DomainError {
  override name = "UnsupportedMediaType";
  readonly code = "unsupported_media_type";
}

export class MethodNotAllowed extends DomainError {
  override name = "MethodNotAllowed";
  readonly code = "method_not_allowed";
  /** Sent as `Allow`. */
  readonly allowed: readonly string[];
  constructor(method: string, allowed: readonly string[]) {
    super(`Method ${method} is not allowed here; use ${allowed.join(", ")}.`);
    this.allowed = allowed;
  }
}

/** No credentials, or ones that are not (or no longer) valid: sent with `WWW-Authenticate: Bearer`. */
export class Unauthorized extends DomainError {
  override name = "Unauthorized";
  readonly code = "unauthorized";
}

/** Valid credentials that do not allow this. */
export class Forbidden extends DomainError {
  override name = "Forbidden";
  readonly code = "forbidden";
}

export class TooManyRequests extends DomainError {
  override name = "TooManyRequests";
  readonly code = "rate_limited";
  /** Sent as `Retry-After`. */
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
