import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { queryIssues } from "@/lib/query-param";
import { linesOf, matchingLines, severityOf } from "./log-lines";
import { parseDownloadQuery, parseFollowQuery, parseInstanceSegment, parseLogPageQuery } from "./log-viewer-query";

describe("the viewer page's query", () => {
  test.each([
    [{}, { file: undefined, search: undefined }],
    [
      { file: "", search: "" },
      { file: undefined, search: undefined },
    ],
    [
      { file: "error/postgresql.log.2026-12-06-11", search: "ERROR" },
      { file: "error/postgresql.log.2026-12-06-11", search: "ERROR" },
    ],
    [{ file: "error/postgres.log" }, { file: "error/postgres.log", search: undefined }],
  ])("%j is read as %j", (query, expected) =>
    expect(parseLogPageQuery(query)).toEqual({ success: true, data: expected }),
  );

  test.each([
    [{ file: "../credentials.json" }, "file", "no '..' part"],
    [{ file: "error/../../etc/passwd" }, "file", "no '..' part"],
    [{ file: "/etc/passwd" }, "file", "expected a log file name"],
    [{ file: "error\\postgresql.log" }, "file", "expected a log file name"],
    [{ file: "error/postgresql.log.2026 11" }, "file", "expected a log file name"],
    [{ file: "x".repeat(257) }, "file", "at most 256"],
    [{ file: ["error/a", "error/b"] }, "file", "one value"],
    [{ search: "x".repeat(201) }, "search", "at most 200"],
    [{ search: "line\nbreak" }, "search", "no control characters"],
    [{ search: ["a", "b"] }, "search", "one value"],
  ])("%j is refused naming %s", (query, field, message) => {
    const parsed = parseLogPageQuery(query);
    if (parsed.success) throw new Error("accepted");
    const issues = queryIssues(parsed.error);
    expect(new Set(issues.map((i) => i.field))).toEqual(new Set([field]));
    expect(issues.map((i) => i.message).join(" | ")).toContain(message);
  });
});

describe("the routes' queries", () => {
  test("download needs a file; follow a file and a marker", () => {
    expect(parseDownloadQuery(new URLSearchParams({ file: "error/postgresql.log.2026-12-06-11" }))).toEqual({
      file: "error/postgresql.log.2026-12-06-11",
    });
    expect(parseFollowQuery(new URLSearchParams({ file: "error/x.log", marker: "1234" }))).toEqual({
      file: "error/x.log",
      marker: "1234",
    });
  });

  test.each([
    [() => parseDownloadQuery(new URLSearchParams()), "file"],
    [() => parseDownloadQuery(new URLSearchParams("file=..%2Fx")), "file"],
    [() => parseFollowQuery(new URLSearchParams("file=error/x.log")), "marker"],
    [() => parseFollowQuery(new URLSearchParams("file=error/x.log&marker=%3Cscript%3E")), "marker"],
    [() => parseFollowQuery(new URLSearchParams("file=error/x.log&marker=1&marker=2")), "marker"],
    [() => parseInstanceSegment("Not--valid"), "id"],
  ])("%#: refused naming %s", (parse, field) => {
    try {
      parse();
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(ZodError);
      expect(new Set((error as ZodError).issues.map((i) => i.path.join(".")))).toEqual(new Set([field]));
    }
  });
});

describe("log lines", () => {
  test.each([
    ['2026-12-06 11:00:00.000 UTC [42] dbadmin@myapp ERROR:  relation "x" does not exist', "ERROR"],
    ["2026-12-06 11:00:00.000 UTC [42] FATAL:  the database system is shutting down", "FATAL"],
    ["2026-12-06 11:00:00.000 UTC [42] PANIC:  could not write to file", "PANIC"],
    ["2026-12-06 11:00:00.000 UTC [42] LOG:  checkpoint complete", undefined],
    ["2026-12-06 11:00:00.000 UTC [42] STATEMENT:  select 'ERROR: not one'", undefined],
  ])("%s is highlighted as %s", (line, severity) => expect(severityOf(line)).toBe(severity));

  test("split without a last empty line; searched in any case", () => {
    const lines = linesOf("a ERROR\nb\nc error\n");
    expect(lines).toEqual(["a ERROR", "b", "c error"]);
    expect(matchingLines(lines, "Error")).toEqual(["a ERROR", "c error"]);
    expect(matchingLines(lines, undefined)).toEqual(lines);
  });
});
