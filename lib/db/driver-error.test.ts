import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, test } from "vitest";
import { driverError, isUnavailableError, isUniqueViolation } from "./driver-error";

const pgError = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(`server said ${code}`), { code, ...extra });
const wrapped = (cause: unknown) =>
  new DrizzleQueryError("select secret from users where id = $1", [1], cause as Error);

describe("driver errors", () => {
  test.each([
    [
      "a refused connection",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:15432"), { code: "ECONNREFUSED" }),
    ],
    ["a reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["a pool wait timeout", new Error("timeout exceeded when trying to connect")],
    ["a connect timeout", new Error("Connection terminated due to connection timeout")],
    ["a lost connection", new Error("Connection terminated unexpectedly")],
    ["a read timeout", new Error("Query read timeout")],
    ["an admin shutdown", pgError("57P01")],
    ["a server starting up", pgError("57P03")],
    ["a statement timeout", pgError("57014")],
    ["a read-only server (endpoint mid-failover)", pgError("25006")],
    ["too many connections", pgError("53300")],
    ["a connection exception", pgError("08006")],
    ["a recovery conflict", pgError("40001")],
  ])("%s is unavailability, wrapped by Drizzle or not", (_what, error) => {
    expect(isUnavailableError(error)).toBe(true);
    expect(isUnavailableError(wrapped(error))).toBe(true);
  });

  test.each([
    ["a unique violation", pgError("23505")],
    ["a syntax error", pgError("42601")],
    ["an undefined table", pgError("42P01")],
    ["a bug", new TypeError("cannot read properties of undefined")],
  ])("%s is not", (_what, error) => {
    expect(isUnavailableError(wrapped(error))).toBe(false);
  });

  test("a unique violation is recognised by its constraint, through Drizzle's wrapper", () => {
    const error = wrapped(pgError("23505", { constraint: "users_email_lower_key" }));
    expect(isUniqueViolation(error, "users_email_lower_key")).toBe(true);
    expect(isUniqueViolation(error, "users_pkey")).toBe(false);
    expect(driverError(error)).toEqual({
      code: "23505",
      constraint: "users_email_lower_key",
      message: "server said 23505",
    });
  });
});
