import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { expiredLogFiles, hourOfLogFile, listServerLogs, logFileNameAt, pruneServerLogs } from "./server-log-files";

const root = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-server-logs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HOUR = 3_600_000;

/** A log folder with files named for the given hours, each last written at the end of its hour unless said. */
function folder(name: string, files: Array<{ hour: Date; lastWritten?: Date }>, extra: string[] = []): string {
  const dir = path.join(root, name, "error");
  mkdirSync(dir, { recursive: true });
  for (const { hour, lastWritten } of files) {
    const file = path.join(dir, logFileNameAt(hour));
    writeFileSync(file, `${hour.toISOString()} LOG:  a line\n`);
    const at = lastWritten ?? new Date(hour.getTime() + HOUR - 1_000);
    utimesSync(file, at, at);
  }
  for (const other of extra) writeFileSync(path.join(dir, other), "not a server log\n");
  return dir;
}

describe("naming", () => {
  test("the UTC hour, whatever the machine's time zone: postgresql.log.YYYY-MM-DD-HH", () => {
    expect(logFileNameAt(new Date("2026-12-06T11:59:59.999Z"))).toBe("postgresql.log.2026-12-06-11");
    expect(logFileNameAt(new Date("2027-01-01T00:00:00.000Z"))).toBe("postgresql.log.2027-01-01-00");
  });

  test.each([
    ["postgresql.log.2026-12-06-11", "2026-12-06T11:00:00.000Z"],
    ["postgresql.log.2028-02-29-23", "2028-02-29T23:00:00.000Z"],
  ])("%s covers the hour from %s", (name, hour) => expect(hourOfLogFile(name)?.toISOString()).toBe(hour));

  test.each([
    "postgresql.log.2026-02-30-10", // no such day
    "postgresql.log.2026-12-06-24",
    "postgresql.log.2026-12-06",
    "postgresql.log.2026-12-06-11.gz",
    "error/postgresql.log.2026-12-06-11",
    "../postgresql.log.2026-12-06-11",
    "postmaster.log",
  ])("%s is no server log's name", (name) => expect(hourOfLogFile(name)).toBeUndefined());
});

describe("listing", () => {
  test("only the server logs, oldest hour first, named as DescribeDBLogFiles names them, with size and mtime", () => {
    const hours = [new Date("2026-12-06T10:00:00Z"), new Date("2026-12-05T23:00:00Z")];
    const dir = folder(
      "listing",
      hours.map((hour) => ({ hour })),
      ["postmaster.log", "current_logfiles"],
    );
    const files = listServerLogs(dir);
    expect(files.map((f) => f.logFileName)).toEqual([
      "error/postgresql.log.2026-12-05-23",
      "error/postgresql.log.2026-12-06-10",
    ]);
    expect(files[0]?.lastWritten).toBe(new Date("2026-12-05T23:59:59Z").getTime());
    expect(files[0]?.size).toBe("2026-12-05T23:00:00.000Z LOG:  a line\n".length);
  });

  test("a node that never started has no folder, and no logs", () =>
    expect(listServerLogs(path.join(root, "never", "error"))).toEqual([]));
});

describe("retention (rds.log_retention_period, 4320 minutes)", () => {
  const now = new Date("2026-12-06T11:30:00Z");

  test("a file goes once its hour and its last write are both over three days old", () => {
    const dir = folder("prune", [
      { hour: new Date("2026-12-03T10:00:00Z") }, // written until 10:59:59, three days ago: expired
      { hour: new Date("2026-12-03T11:00:00Z") }, // its hour ends at 12:00, in the last three days: kept
      // Its hour long gone, but written to within the three days (a collector late to rotate): kept.
      { hour: new Date("2026-12-02T09:00:00Z"), lastWritten: new Date("2026-12-03T12:00:00Z") },
      { hour: new Date("2026-12-06T11:00:00Z") },
    ]);
    expect(expiredLogFiles(listServerLogs(dir), now).map((f) => f.logFileName)).toEqual([
      "error/postgresql.log.2026-12-03-10",
    ]);
    expect(pruneServerLogs(dir, now)).toEqual(["error/postgresql.log.2026-12-03-10"]);
    expect(readdirSync(dir).sort()).toEqual([
      "postgresql.log.2026-12-02-09",
      "postgresql.log.2026-12-03-11",
      "postgresql.log.2026-12-06-11",
    ]);
  });

  test("files that are not server logs are never deleted, however old", () => {
    const dir = folder("foreign", [], ["notes.txt"]);
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(path.join(dir, "notes.txt"), old, old);
    expect(pruneServerLogs(dir, now)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  test("a shorter retention deletes sooner", () => {
    const dir = folder("short", [
      { hour: new Date("2026-12-06T09:00:00Z") },
      { hour: new Date("2026-12-06T10:00:00Z") },
    ]);
    expect(pruneServerLogs(dir, now, 60)).toEqual(["error/postgresql.log.2026-12-06-09"]);
  });
});
