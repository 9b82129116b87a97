/**
 * The fixed view of a WAL archive a restore replays: linked as listed, and
 * a segment pruned between listing and linking left out rather than failing
 * the restore.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { linkArchiveFiles } from "./wal-archive";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test("links every listed file that still exists and skips one pruned since it was listed", () => {
  const root = mkdtempSync(path.join(tmpdir(), "wal-archive-"));
  dirs.push(root);
  const archive = path.join(root, "archive");
  const dest = path.join(root, "frozen");
  const listed = ["000000010000000000000001.gz", "000000010000000000000002.gz", "00000002.history.gz"];
  linkArchiveFiles(root, [], archive); // creates the directory
  for (const name of listed) writeFileSync(path.join(archive, name), name);
  rmSync(path.join(archive, listed[0] as string)); // pruned after archiveContents() listed it
  linkArchiveFiles(archive, listed, dest);
  expect(readdirSync(dest).sort()).toEqual(listed.slice(1).sort());
  // Hard links: the archive's later changes (a prune) cannot take a file from the restore.
  expect(statSync(path.join(dest, listed[1] as string)).nlink).toBe(2);
});
