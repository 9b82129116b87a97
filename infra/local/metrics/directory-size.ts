import { type Dirent, lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Bytes a directory tree occupies on disk (allocated blocks, as `du` counts),
 * without following symlinks. Files that vanish during the walk (WAL
 * recycling, temporary files) are skipped.
 */
export function directoryBytes(dir: string): number {
  let total = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      total += directoryBytes(full);
      continue;
    }
    try {
      total += lstatSync(full).blocks * 512;
    } catch {
      // gone since the listing
    }
  }
  return total;
}
