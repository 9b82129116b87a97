import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, expect, test } from "vitest";
import { logFileNameAt } from "../pg/server-log-files";
import { LogRetention } from "./log-retention";

const logsDir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-log-retention-"));
afterAll(() => rmSync(logsDir, { recursive: true, force: true }));

const NOW = new Date("2026-12-06T11:30:00Z");

function serverLog(node: string, hour: Date): string {
  const dir = path.join(logsDir, node, "error");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, logFileNameAt(hour));
  writeFileSync(file, "LOG:  a line\n");
  const written = new Date(hour.getTime() + 3_599_000);
  utimesSync(file, written, written);
  return file;
}

test("one pass prunes every node's folder, a deleted instance's too, and leaves the engine's and store's logs", () => {
  const old = new Date("2026-12-02T10:00:00Z");
  const recent = new Date("2026-12-06T10:00:00Z");
  const expired = [serverLog("production-myapp-a", old), serverLog("gone-instance", old)];
  const kept = [serverLog("production-myapp-a", recent), serverLog("production-myapp-replica-1", recent)];
  const storeLog = path.join(logsDir, "rdsdeck-store.log");
  writeFileSync(storeLog, "LOG:  the store\n");
  utimesSync(storeLog, old, old);
  new LogRetention(logsDir, pino({ level: "silent" }), () => NOW).pruneNow();
  expect(expired.filter((f) => existsSync(f))).toEqual([]);
  expect(kept.filter((f) => existsSync(f))).toEqual(kept);
  expect(existsSync(storeLog)).toBe(true);
});

test("no logs folder yet: nothing to do, nothing thrown", () => {
  expect(() =>
    new LogRetention(path.join(logsDir, "missing"), pino({ level: "silent" }), () => NOW).pruneNow(),
  ).not.toThrow();
});
