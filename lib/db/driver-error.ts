/**
 * Reads what node-postgres threw, through Drizzle's DrizzleQueryError wrapper
 * (whose message holds the SQL and its parameters, so it is never shown).
 */

export type DriverError = { code?: string; constraint?: string; message: string };

/** The innermost error that carries a SQLSTATE or errno code, or the innermost error of all. */
export function driverError(error: unknown): DriverError {
  let current: unknown = error;
  let innermost: DriverError = { message: String(error) };
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    innermost = {
      code: typeof e.code === "string" ? e.code : undefined,
      constraint: typeof e.constraint === "string" ? e.constraint : undefined,
      message: typeof e.message === "string" ? e.message : String(current),
    };
    if (innermost.code !== undefined) return innermost;
    current = e.cause;
  }
  return innermost;
}

// SQLSTATEs that say "this server cannot serve you now", not "your statement is wrong":
// connection exceptions (08), shutdown and startup (57P0x), statement timeout and
// cancellation (57014), too many connections (53300), a read-only server where a
// writer was expected (25006: the endpoint is mid-failover), and failed sign-in (28xxx).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-4]|57014|53300|53400|25006|28...|40001|40P01)$/;
const NETWORK_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
// node-postgres raises these as plain Errors without a code.
const DRIVER_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|not queryable|connection timeout|Client has encountered a connection error/i;

/** True when the statement failed because of the server or the network, so another try (or server) may succeed. */
export function isUnavailableError(error: unknown): boolean {
  const e = driverError(error);
  if (e.code !== undefined) return UNAVAILABLE_SQLSTATE.test(e.code) || NETWORK_ERRNO.has(e.code);
  return DRIVER_MESSAGES.test(e.message);
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = driverError(error);
  return e.code === "23505" && e.constraint === constraint;
}
