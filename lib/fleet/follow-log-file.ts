import "server-only";
import type { RDSClient } from "@aws-sdk/client-rds";
import { describeLogFiles } from "./describe-log-files";
import type { LogPortion } from "./log-lines";
import { readLogFileAfter } from "./read-log-file";

/** What following gave, and the file its Marker belongs to: a newer one once the hour has rolled over. */
export type FollowedPortion = LogPortion & { file: string };

/** `error/postgresql.log.2026-12-06-11` → `error/postgresql.log.`: the files of one log, which sort by hour. */
const stemOf = (name: string) => name.slice(0, name.lastIndexOf(".") + 1);

/**
 * What a log file gained after `marker`; and once it has no more and a newer
 * file of the same log exists (postgres rotated it at the hour), its last
 * lines and a Marker of "0" in the next file, so that following moves on
 * without losing or repeating a line. The collector writes to one file at a
 * time: once the next one exists, what this one holds after the first read is
 * all it will ever hold, so it is read once more before moving on.
 */
export async function followLogFile(ref: {
  instance: string;
  fileName: string;
  marker: string;
  client?: RDSClient;
}): Promise<FollowedPortion> {
  const page = await readLogFileAfter(ref);
  if (page.more) return { ...page, file: ref.fileName };
  const next = await nextLogFile(ref);
  if (next === undefined) return { ...page, file: ref.fileName };
  const last = await readLogFileAfter({ ...ref, marker: page.marker });
  return last.more
    ? { text: page.text + last.text, marker: last.marker, more: true, file: ref.fileName }
    : { text: page.text + last.text, marker: "0", more: false, file: next };
}

/** The file written after this one: the same log's oldest newer file (several hours may have passed). */
async function nextLogFile(ref: {
  instance: string;
  fileName: string;
  client?: RDSClient;
}): Promise<string | undefined> {
  const stem = stemOf(ref.fileName);
  const newer = (await describeLogFiles(ref))
    .map((f) => f.name)
    .filter((name) => stemOf(name) === stem && name > ref.fileName)
    .sort();
  return newer[0];
}
