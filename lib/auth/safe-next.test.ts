/** Where sign-in sends you afterwards: a path on this site, whatever was put in `next`. */
import { describe, expect, test } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext keeps only a path and query on the dashboard's own origin", () => {
  test.each([
    ["/", "/"],
    ["/alarms", "/alarms"],
    ["/audit?actor=a%40b.c&outcome=denied", "/audit?actor=a%40b.c&outcome=denied"],
    ["/instances/production-myapp#events", "/instances/production-myapp"],
  ])("%s → %s", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  test.each([
    // A tab (or newline) passes a "//" check, and browsers drop it: "/\t/evil" is "//evil".
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r\n/evil.example/x",
    "//evil.example/x",
    "/\\evil.example/x",
    "\\/evil.example/x",
    "https://evil.example/x",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    // Dot segments that collapse into a protocol-relative path.
    "/.//evil.example/x",
    "/x/..//evil.example",
    " //evil.example",
    "evil.example",
    "",
  ])("%j → /", (next) => {
    expect(safeNext(next)).toBe("/");
  });

  test("nothing given → /", () => {
    expect(safeNext(undefined)).toBe("/");
  });
});
