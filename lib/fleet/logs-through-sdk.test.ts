/**
 * The log viewer's calls through the real AWS SDK and the local RDS API
 * server, over real log files read by the engine's own reader: every page of
 * the list, the tail, following with the Marker, a whole file page by page,
 * and RDS's refusals as the domain's errors.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestServer, type TestServer } from "@/infra/local/api/test-support/test-server";
import { PORTION_MAX_BYTES } from "@/infra/local/engine/log-portion";
import { logFileNameAt } from "@/infra/local/pg/server-log-files";
import { NotFound } from "@/lib/errors";
import { stubLocalAwsEnv } from "@/lib/test-support/local-aws-env";
import { LogFilesBackend } from "@/lib/test-support/log-files-backend";
import { describeLogFiles } from "./describe-log-files";
import { linesOf } from "./log-lines";
import { logFileChunks, readLogFileAfter, tailLogFile } from "./read-log-file";

const WRITER = "production-myapp";
const root = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-log-viewer-"));
const errorDir = path.join(root, "error");
const HOUR = 3_600_000;
// 130 hours: over one page of 100 files.
const hours = Array.from({ length: 130 }, (_, i) => new Date(Date.UTC(2026, 11, 1) + i * HOUR));
const newest = `error/${logFileNameAt(hours.at(-1) as Date)}`;
const line = (i: number) => `2026-12-06 11:00:00.000 UTC [${i}] LOG:  line ${i} ${"x".repeat(200)}\n`;

let server: TestServer;
const client = () => server.client();

beforeAll(async () => {
  mkdirSync(errorDir, { recursive: true });
  for (const [i, hour] of hours.entries()) {
    const file = path.join(errorDir, logFileNameAt(hour));
    // The newest is the big one: about 2.3 MB, over two pages of 1 MB.
    writeFileSync(file, i === hours.length - 1 ? Array.from({ length: 10_000 }, (_, n) => line(n)).join("") : line(i));
    const written = new Date(hour.getTime() + HOUR - 1_000);
    utimesSync(file, written, written);
  }
  server = await startTestServer(new LogFilesBackend(errorDir));
  stubLocalAwsEnv(server.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe("describeLogFiles", () => {
  it("reads every page, newest first, with when each was last written and its size", async () => {
    const files = await describeLogFiles({ instance: WRITER, client: client() });
    expect(files).toHaveLength(130);
    expect(files[0]?.name).toBe(newest);
    expect(files[0]?.lastWritten).toEqual(new Date((hours.at(-1) as Date).getTime() + HOUR - 1_000));
    expect(files.at(-1)).toEqual({
      name: `error/${logFileNameAt(hours[0] as Date)}`,
      lastWritten: new Date((hours[0] as Date).getTime() + HOUR - 1_000),
      size: line(0).length,
    });
  });

  it("an unknown instance is NotFound", async () =>
    expect(describeLogFiles({ instance: "nope", client: client() })).rejects.toBeInstanceOf(NotFound));
});

describe("tailLogFile and readLogFileAfter", () => {
  it("the newest lines, then exactly what was appended after them", async () => {
    const tail = await tailLogFile({ instance: WRITER, fileName: newest, lines: 5, client: client() });
    expect(linesOf(tail.text)).toHaveLength(5);
    expect(tail.text.endsWith(line(9_999))).toBe(true);
    appendFileSync(path.join(errorDir, path.basename(newest)), line(10_000));
    const next = await readLogFileAfter({ instance: WRITER, fileName: newest, marker: tail.marker, client: client() });
    expect(next).toEqual({
      text: line(10_000),
      marker: String(Number(tail.marker) + line(10_000).length),
      more: false,
    });
  });

  it("a file the instance does not have is NotFound, naming the call", async () => {
    const refused = tailLogFile({
      instance: WRITER,
      fileName: "error/postgresql.log.1999-01-01-00",
      lines: 5,
      client: client(),
    });
    await expect(refused).rejects.toBeInstanceOf(NotFound);
    await expect(refused).rejects.toThrow(/DownloadDBLogFilePortion/);
  });
});

describe("logFileChunks", () => {
  it("a file over 1 MB comes whole, in pages of at most 1 MB, every line once", async () => {
    const chunks: string[] = [];
    for await (const chunk of logFileChunks({ instance: WRITER, fileName: newest, client: client() }))
      chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(Buffer.byteLength(chunk)).toBeLessThanOrEqual(PORTION_MAX_BYTES);
    const lines = linesOf(chunks.join(""));
    expect(lines).toHaveLength(10_001);
    expect(lines.map((l) => Number(/\[(\d+)\]/.exec(l)?.[1]))).toEqual(Array.from({ length: 10_001 }, (_, n) => n));
  });
});
