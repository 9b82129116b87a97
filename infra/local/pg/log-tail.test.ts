import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { lastProblems, logPointer } from "./log-tail";

const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-log-tail-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
};

test("the last problems, without the line prefix, leaving out refusals of readiness probes", () => {
  const file = log("server.log", [
    "2026-11-26 00:21:31.014 UTC [27396] LOG:  starting PostgreSQL 17.10",
    "2026-11-26 00:21:31.063 UTC [27401] rdsadmin@postgres FATAL:  the database system is starting up",
    "2026-11-26 00:21:31.100 UTC [27399] ERROR:  could not open file: No such file",
    "2026-11-26 00:21:31.200 UTC [27399] FATAL:  WAL ends before consistent recovery point",
    "2026-11-26 00:21:31.347 UTC [27418] rdsadmin@postgres FATAL:  the database system is not yet accepting connections",
    "2026-11-26 00:21:31.400 UTC [27396] LOG:  startup process (PID 27399) exited with exit code 1",
  ]);
  expect(lastProblems(file)).toEqual([
    "ERROR:  could not open file: No such file",
    "FATAL:  WAL ends before consistent recovery point",
  ]);
  expect(lastProblems(file, 1)).toEqual(["FATAL:  WAL ends before consistent recovery point"]);
  expect(logPointer(file)).toBe(
    `log: ${file}; it says: ERROR:  could not open file: No such file / FATAL:  WAL ends before consistent recovery point`,
  );
});

test("only problems since the server last started: older ones are history", () => {
  const file = log("restarted.log", [
    "2026-11-26 00:00:00.000 UTC [1] FATAL:  could not connect to the primary server",
    "2026-11-26 00:00:01.000 UTC [2] LOG:  starting PostgreSQL 17.10 on x86_64-pc-linux-gnu",
    '2026-11-26 00:00:02.000 UTC [3] PANIC:  could not write to file "pg_wal/xlogtemp.3": No space left on device',
  ]);
  expect(lastProblems(file)).toEqual(['PANIC:  could not write to file "pg_wal/xlogtemp.3": No space left on device']);
});

test("only the end of a long log is read", () => {
  const file = log("long.log", [
    "2026-11-26 00:00:00.000 UTC [1] FATAL:  an old problem",
    ...Array.from({ length: 2000 }, (_, i) => `2026-11-26 00:00:01.000 UTC [1] LOG:  line ${i}`),
  ]);
  expect(lastProblems(file)).toEqual([]);
});

test("a log that does not exist, or says nothing wrong, gives the path alone", () => {
  const missing = path.join(dir, "missing.log");
  expect(lastProblems(missing)).toEqual([]);
  expect(logPointer(missing)).toBe(`log: ${missing}`);
  const quiet = log("quiet.log", ["2026-11-26 00:00:00.000 UTC [1] LOG:  database system is ready"]);
  expect(logPointer(quiet)).toBe(`log: ${quiet}`);
});

test("from an offset: what an earlier run wrote before it is not read", () => {
  const earlier =
    "2026-11-26 00:00:00.000 UTC [1] FATAL:  terminating walreceiver process due to administrator command\n";
  const file = log("offset.log", [
    earlier.trimEnd(),
    "2026-11-26 00:00:05.000 UTC [2] LOG:  database system is ready to accept read-only connections",
  ]);
  expect(lastProblems(file)).toHaveLength(1);
  expect(lastProblems(file, 2, Buffer.byteLength(earlier))).toEqual([]);
});
