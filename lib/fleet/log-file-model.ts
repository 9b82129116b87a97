/**
 * A DB instance's log files as the dashboard shows them, and the rules for
 * the log viewer's query string: a file name as RDS names log files, and a
 * search term.
 */
import type { DescribeDBLogFilesDetails } from "@aws-sdk/client-rds";
import { z } from "zod";

export type DbLogFile = {
  /** As RDS names it: `error/postgresql.log.2026-12-06-11`. */
  name: string;
  lastWritten: Date | undefined;
  size: number;
};

export function toDbLogFile(raw: DescribeDBLogFilesDetails): DbLogFile {
  return {
    name: raw.LogFileName ?? "(unnamed)",
    lastWritten: raw.LastWritten === undefined ? undefined : new Date(raw.LastWritten),
    size: raw.Size ?? 0,
  };
}

/** Newest first: the file being written now on top. */
export const newestLogFirst = (a: DbLogFile, b: DbLogFile) =>
  (b.lastWritten?.getTime() ?? 0) - (a.lastWritten?.getTime() ?? 0) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);

/**
 * A log file name as RDS has them (error/postgresql.log.2026-12-06-11; other
 * engines' and RDS's own files use the same characters): a path of letters,
 * digits, dots, dashes and underscores, never `..`.
 */
export const logFileName = z
  .string({ error: "expected a log file name" })
  .min(1, "expected a log file name")
  .max(256, "a log file name has at most 256 characters")
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, "expected a log file name such as error/postgresql.log.2026-12-06-11")
  .refine((s) => !s.split("/").includes(".."), "a log file name has no '..' part");

/** What to look for in the lines: plain text, matched case-insensitively. */
export const logSearch = z
  .string()
  .max(200, "a search has at most 200 characters")
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "a search has no control characters");
