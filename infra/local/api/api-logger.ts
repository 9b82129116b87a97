import pino from "pino";

/**
 * The logging the API needs; a pino logger fits it. Fields never include the
 * Authorization header or a secret key: requests are logged by id, method,
 * path, service, operation and outcome only.
 */
export interface ApiLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export function defaultApiLogger(): ApiLogger {
  return pino({ name: "rdsdeck-aws-api" });
}
