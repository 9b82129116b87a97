/**
 * The instances' log files on a real fleet through @aws-sdk/client-rds:
 * postgres's own logging collector writes error/postgresql.log.YYYY-MM-DD-HH,
 * DescribeDBLogFiles lists and filters them, DownloadDBLogFilePortion pages
 * through them as the aws CLI does, and a node that fails to start still says
 * why.
 */

import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DBInstanceNotFoundFault,
  DBLogFileNotFoundFault,
  DescribeDBLogFilesCommand,
  type DescribeDBLogFilesCommandInput,
  DownloadDBLogFilePortionCommand,
  type RDSClient,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { logFileNameAt } from "../pg/server-log-files";
import { connectAsMaster, eventually, startSeededFleet, type TempFleet } from "../test-support/temp-fleet";
import { PORTION_MAX_BYTES } from "./log-portion";

let f: TempFleet;
let rds: RDSClient;
const WRITER = "production-myapp";
const REPLICA = "production-myapp-replica-1";

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet([]));
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const writerPort = () => f.info.endpoints.find((e) => e.role === "writer")?.port ?? 0;
const errorDirOf = (id: string) => {
  const node = f.engine.nodeServing(id);
  if (!node) throw new Error(`no node serves ${id}`);
  return node.logs.errorDir;
};

async function logFiles(input: Omit<DescribeDBLogFilesCommandInput, "DBInstanceIdentifier"> = {}, id = WRITER) {
  return (
    (await rds.send(new DescribeDBLogFilesCommand({ DBInstanceIdentifier: id, ...input }))).DescribeDBLogFiles ?? []
  );
}

/** The newest file: the one the collector writes now. */
async function currentFile(id = WRITER): Promise<string> {
  const name = (await logFiles({}, id)).at(-1)?.LogFileName;
  if (!name) throw new Error(`${id} lists no log file`);
  return name;
}

/** A statement that fails on the writer, so its ERROR (and STATEMENT) lines are logged. */
async function failStatement(table: string): Promise<void> {
  const db = await connectAsMaster(f, writerPort());
  try {
    await expect(db.query(`select * from ${table}`)).rejects.toThrow(/does not exist/);
  } finally {
    await db.end();
  }
}

/** Every page from Marker "0", as `aws rds download-db-log-file-portion --starting-token 0` asks for them. */
async function download(file: string, numberOfLines?: number) {
  const pages: string[] = [];
  let Marker = "0";
  for (;;) {
    const page = await rds.send(
      new DownloadDBLogFilePortionCommand({
        DBInstanceIdentifier: WRITER,
        LogFileName: file,
        Marker,
        NumberOfLines: numberOfLines,
      }),
    );
    pages.push(page.LogFileData ?? "");
    if (!page.AdditionalDataPending) return { pages, marker: page.Marker ?? "" };
    expect(page.Marker).not.toBe(Marker);
    Marker = page.Marker ?? "";
  }
}

describe("the log files postgres writes", () => {
  test("each node's collector writes the current UTC hour's error/postgresql.log.YYYY-MM-DD-HH, in UTC", async () => {
    for (const id of [WRITER, REPLICA]) {
      const name = await currentFile(id);
      const now = new Date();
      // The hour may turn between the listing and the clock read.
      const expected = [now, new Date(now.getTime() - 60_000)].map((t) => `error/${logFileNameAt(t)}`);
      expect(expected).toContain(name);
    }
    const tail = await rds.send(
      new DownloadDBLogFilePortionCommand({ DBInstanceIdentifier: WRITER, LogFileName: await currentFile() }),
    );
    expect(tail.LogFileData).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC \[\d+\] /m);
  });
});

describe("DownloadDBLogFilePortion", () => {
  test("a failed statement's ERROR line, and the statement, are in the current file's newest lines", async () => {
    await failStatement("no_such_table_for_the_log");
    const tail = await eventually(
      async () => {
        const out = await rds.send(
          new DownloadDBLogFilePortionCommand({
            DBInstanceIdentifier: WRITER,
            LogFileName: await currentFile(),
            NumberOfLines: 50,
          }),
        );
        return out.LogFileData?.includes("no_such_table_for_the_log") ? out : undefined;
      },
      10_000,
      "the failed statement in the writer's log",
    );
    const lines = (tail.LogFileData ?? "").split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(/ dbadmin@myapp ERROR: {2}relation "no_such_table_for_the_log" does not exist/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/STATEMENT: {2}select \* from no_such_table_for_the_log$/));
    expect(lines.length - 1).toBeLessThanOrEqual(50);
    expect(tail.AdditionalDataPending).toBe(false);
  });

  test("paging from Marker 0 returns every line once, in pages of at most 1 MB, whatever NumberOfLines", async () => {
    // About 1.5 MB of lines in the current file: more than one page.
    const db = await connectAsMaster(f, writerPort());
    try {
      await db.query(
        `do $$ begin for i in 1..1500 loop raise log 'paging-line-% %', i, repeat('p', 1000); end loop; end $$`,
      );
    } finally {
      await db.end();
    }
    const file = await currentFile();
    for (const numberOfLines of [undefined, 700]) {
      const { pages, marker } = await download(file, numberOfLines);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(Buffer.byteLength(page)).toBeLessThanOrEqual(PORTION_MAX_BYTES);
      const text = pages.join("");
      // The file only grows: what was paged through is exactly its first Marker bytes.
      const onDisk = readFileSync(path.join(errorDirOf(WRITER), path.basename(file)));
      expect(Buffer.from(text, "utf8").equals(onDisk.subarray(0, Number(marker)))).toBe(true);
      const seen = text.match(/paging-line-\d+ /g) ?? [];
      expect(seen).toHaveLength(1500);
      expect(new Set(seen).size).toBe(1500);
    }
  });

  test("polling with the returned Marker gives only what was written since", async () => {
    const file = await currentFile();
    const first = await rds.send(
      new DownloadDBLogFilePortionCommand({ DBInstanceIdentifier: WRITER, LogFileName: file, NumberOfLines: 1 }),
    );
    await failStatement("written_after_the_marker");
    const next = await eventually(
      async () => {
        const out = await rds.send(
          new DownloadDBLogFilePortionCommand({
            DBInstanceIdentifier: WRITER,
            LogFileName: file,
            Marker: first.Marker,
          }),
        );
        return out.LogFileData?.includes("STATEMENT:  select * from written_after_the_marker") ? out : undefined;
      },
      10_000,
      "the new lines after the Marker",
    );
    expect(next.LogFileData).not.toContain("no_such_table_for_the_log");
    expect(next.LogFileData).toMatch(/^\S+ \S+ UTC \[\d+\] /);
  });

  test("an older, finished file is read whole, its unterminated last line included", async () => {
    const name = logFileNameAt(new Date(Date.now() - 26 * 3_600_000));
    const content = "2026-01-01 00:00:00.000 UTC [1] LOG:  first\n2026-01-01 00:00:01.000 UTC [1] LOG:  last";
    writeFileSync(path.join(errorDirOf(WRITER), name), content);
    try {
      const { pages } = await download(`error/${name}`);
      expect(pages.join("")).toBe(content);
    } finally {
      rmSync(path.join(errorDirOf(WRITER), name), { force: true });
    }
  });

  test.each([
    ["no such hour", "error/postgresql.log.1999-01-01-00"],
    ["outside the log folder", "../credentials.json"],
    ["the early-output file", "postmaster.log"],
  ])("a file the instance does not have (%s) is DBLogFileNotFoundFault", async (_, name) => {
    const refused = rds.send(new DownloadDBLogFilePortionCommand({ DBInstanceIdentifier: WRITER, LogFileName: name }));
    await expect(refused).rejects.toBeInstanceOf(DBLogFileNotFoundFault);
    await expect(refused).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  test("an unknown instance is DBInstanceNotFoundFault; a bad Marker or NumberOfLines is refused by name", async () => {
    await expect(
      rds.send(new DownloadDBLogFilePortionCommand({ DBInstanceIdentifier: "nope", LogFileName: await currentFile() })),
    ).rejects.toBeInstanceOf(DBInstanceNotFoundFault);
    const file = await currentFile();
    for (const [input, named] of [
      [{ Marker: "not-a-marker" }, /Marker/],
      [{ Marker: String(10 ** 14) }, /Marker/],
      [{ NumberOfLines: 0 }, /NumberOfLines/],
    ] as const) {
      await expect(
        rds.send(new DownloadDBLogFilePortionCommand({ DBInstanceIdentifier: WRITER, LogFileName: file, ...input })),
      ).rejects.toMatchObject({ name: "InvalidParameterValue", message: expect.stringMatching(named) });
    }
  });
});

describe("DescribeDBLogFiles", () => {
  // 24 older hours beside the current file: two pages of 20, and something to filter.
  const OLD_HOURS = Array.from({ length: 24 }, (_, i) => new Date(Date.now() - (30 + i) * 3_600_000));
  // Whole seconds: utimes rounds a fraction of a millisecond either way.
  const OLD_WRITTEN = new Date(Math.floor(Date.now() / 1000) * 1000 - 29 * 3_600_000);
  beforeAll(() => {
    for (const hour of OLD_HOURS) {
      const file = path.join(errorDirOf(WRITER), logFileNameAt(hour));
      writeFileSync(file, `${hour.toISOString()} LOG:  an older hour\n`);
      utimesSync(file, OLD_WRITTEN, OLD_WRITTEN);
    }
  });
  afterAll(() => {
    for (const hour of OLD_HOURS) rmSync(path.join(errorDirOf(WRITER), logFileNameAt(hour)), { force: true });
  });

  const oldNames = () => new Set(OLD_HOURS.map((h) => `error/${logFileNameAt(h)}`));

  test("every file with its LastWritten (epoch ms) and Size, oldest hour first, paged by MaxRecords and Marker", async () => {
    const all = await logFiles();
    const names = all.map((f) => f.LogFileName ?? "");
    expect(names).toEqual([...names].sort());
    // The fleet's own current file (two, if the hour turned during the run) after the 24 older ones.
    expect(names.filter((n) => oldNames().has(n))).toHaveLength(24);
    expect(all.length).toBeGreaterThan(24);
    const oldest = OLD_HOURS.at(-1) as Date;
    expect(all[0]).toEqual({
      LogFileName: `error/${logFileNameAt(oldest)}`,
      LastWritten: OLD_WRITTEN.getTime(),
      Size: Buffer.byteLength(`${oldest.toISOString()} LOG:  an older hour\n`),
    });
    const first = await rds.send(new DescribeDBLogFilesCommand({ DBInstanceIdentifier: WRITER, MaxRecords: 20 }));
    expect(first.DescribeDBLogFiles).toHaveLength(20);
    const second = await rds.send(
      new DescribeDBLogFilesCommand({ DBInstanceIdentifier: WRITER, MaxRecords: 20, Marker: first.Marker }),
    );
    expect(second.Marker).toBeUndefined();
    expect([...(first.DescribeDBLogFiles ?? []), ...(second.DescribeDBLogFiles ?? [])]).toEqual(all);
  });

  test("FilenameContains, FileLastWritten (written at or after) and FileSize (larger than) filter", async () => {
    const all = await logFiles();
    const recent = all.filter((f) => !oldNames().has(f.LogFileName ?? ""));
    const day = logFileNameAt(OLD_HOURS[0] as Date).slice("postgresql.log.".length, -3);
    expect(await logFiles({ FilenameContains: day })).toEqual(all.filter((f) => f.LogFileName?.includes(day)));
    expect((await logFiles({ FilenameContains: day })).length).toBeGreaterThan(0);
    expect(await logFiles({ FilenameContains: "no-such-name" })).toEqual([]);
    expect(await logFiles({ FileLastWritten: OLD_WRITTEN.getTime() + 1 })).toEqual(recent);
    expect(await logFiles({ FileLastWritten: OLD_WRITTEN.getTime() })).toEqual(all);
    const big = await logFiles({ FileSize: 1000 });
    expect(big.length).toBeGreaterThan(0);
    expect(big.every((f) => (f.Size ?? 0) > 1000 && !oldNames().has(f.LogFileName ?? ""))).toBe(true);
  });

  test("Filters, which RDS does not support, are refused by name; an unknown instance is DBInstanceNotFoundFault", async () => {
    await expect(logFiles({ Filters: [{ Name: "size", Values: ["1"] }] })).rejects.toMatchObject({
      name: "InvalidParameterValue",
      message: expect.stringContaining("Filters"),
    });
    await expect(logFiles({}, "nope")).rejects.toBeInstanceOf(DBInstanceNotFoundFault);
  });
});

describe("a node that fails to start", () => {
  test("says why, from postgres's output before its logging collector ran", async () => {
    const node = f.engine.nodeServing(REPLICA);
    if (!node) throw new Error("no replica node");
    await node.postmaster.stop();
    // A setting postgres cannot parse: it refuses to start while reading its configuration, before the collector runs.
    const autoConf = path.join(node.pgData, "postgresql.auto.conf");
    const original = readFileSync(autoConf, "utf8");
    writeFileSync(autoConf, `${original}\nshared_buffers = 'plenty'\n`);
    try {
      await expect(f.engine.startNode(node, "replica-1")).rejects.toThrow(
        /failed to start: .*it says: .*FATAL: {2}configuration file ".*postgresql\.auto\.conf" contains errors/,
      );
      expect(readFileSync(node.logs.startupFile, "utf8")).toContain('invalid value for parameter "shared_buffers"');
    } finally {
      writeFileSync(autoConf, original);
    }
    await f.engine.startNode(node, "replica-1");
    expect(node.lastProblems().join(" / ")).not.toContain("configuration file");
  });
});
