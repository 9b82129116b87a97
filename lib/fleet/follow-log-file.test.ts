/**
 * Following a log file across postgres's hourly rotation, through the real
 * SDK and the local RDS API over real files: the rotation is made by writing
 * the next hour's file, as the logging collector does.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "@/infra/local/api/test-support/test-server";
import { logFileNameAt } from "@/infra/local/pg/server-log-files";
import { stubLocalAwsEnv } from "@/lib/test-support/local-aws-env";
import { LogFilesBackend } from "@/lib/test-support/log-files-backend";
import { followLogFile } from "./follow-log-file";
import { tailLogFile } from "./read-log-file";

const WRITER = "production-myapp";
const HOUR = 3_600_000;
const root = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-follow-"));
const errorDir = path.join(root, "error");
const hourOf = (i: number) => new Date(Date.UTC(2026, 11, 6, 10) + i * HOUR);
const fileOf = (i: number) => `error/${logFileNameAt(hourOf(i))}`;
const pathOf = (i: number) => path.join(root, fileOf(i));
const line = (n: number) => `2026-12-06 10:59:59.000 UTC [${n}] LOG:  line ${n}\n`;

let server: TestServer;

beforeAll(async () => {
  mkdirSync(errorDir, { recursive: true });
  writeFileSync(pathOf(0), line(1) + line(2));
  server = await startTestServer(new LogFilesBackend(errorDir));
  stubLocalAwsEnv(server.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

it("moves on to the next hour's file when postgres rotates, every line once", async () => {
  const client = server.client();
  const seen: string[] = [];
  let { marker, text } = await tailLogFile({ instance: WRITER, fileName: fileOf(0), lines: 10, client });
  let file = fileOf(0);
  seen.push(text);
  const follow = async () => {
    const page = await followLogFile({ instance: WRITER, fileName: file, marker, client });
    seen.push(page.text);
    ({ marker, file } = page);
    return page;
  };

  appendFileSync(pathOf(0), line(3));
  expect(await follow()).toMatchObject({ text: line(3), file: fileOf(0) });
  expect(await follow()).toMatchObject({ text: "", file: fileOf(0) });

  // The hour rolls over: a last line lands in the old file just before the collector opens the new one.
  appendFileSync(pathOf(0), line(4));
  writeFileSync(pathOf(1), line(5));
  expect(await follow()).toMatchObject({ text: line(4), marker: "0", more: false, file: fileOf(1) });
  appendFileSync(pathOf(1), line(6));
  expect(await follow()).toMatchObject({ text: line(5) + line(6), file: fileOf(1) });

  // A tab left hidden for hours goes through each file in turn, not straight to the newest.
  writeFileSync(pathOf(2), line(7));
  writeFileSync(pathOf(3), line(8));
  expect(await follow()).toMatchObject({ text: "", marker: "0", file: fileOf(2) });
  expect(await follow()).toMatchObject({ text: line(7), marker: "0", file: fileOf(3) });
  expect(await follow()).toMatchObject({ text: line(8), file: fileOf(3) });

  expect(seen.join("")).toBe([1, 2, 3, 4, 5, 6, 7, 8].map(line).join(""));
});
