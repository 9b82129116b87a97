/** Files the postgres processes use must belong to the account they run as. */
import { chownSync, lchownSync, readdirSync } from "node:fs";
import path from "node:path";
import type { RunAs } from "./run-as";

export function chownTree(root: string, runAs: RunAs | undefined): void {
  if (!runAs) return;
  chownSync(root, runAs.uid, runAs.gid);
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    lchownSync(path.join(entry.parentPath, entry.name), runAs.uid, runAs.gid);
  }
}

export function chownFile(file: string, runAs: RunAs | undefined): void {
  if (runAs) chownSync(file, runAs.uid, runAs.gid);
}
