/**
 * Whether an unprivileged account can traverse to a path: every ancestor must
 * grant it search (x) permission. A checkout under a 0700 home fails this.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { RunAs } from "./run-as";

export function unreachableAncestor(target: string, who: RunAs): string | undefined {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const st = statSync(dir);
    const bits = st.uid === who.uid ? (st.mode >> 6) & 7 : st.gid === who.gid ? (st.mode >> 3) & 7 : st.mode & 7;
    if ((bits & 1) === 0) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
