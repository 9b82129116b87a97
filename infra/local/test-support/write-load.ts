/**
 * A write load for failover and modification tests: numbered rows inserted
 * into `ledger (id bigint primary key)` through the writer endpoint as fast as
 * they are acknowledged, reconnecting whenever a failover cuts the session.
 * `acknowledged` holds exactly the ids whose commit was confirmed.
 */
import type pg from "pg";
import { connectAsMaster, type TempFleet } from "./temp-fleet";

let nextLedgerId = 1; // shared by every load of a test file, so ids never collide across its tests

export type WriteLoad = { acknowledged: number[]; stop: () => Promise<void> };

export function writeLoad(f: TempFleet): WriteLoad {
  const acknowledged: number[] = [];
  let stop = false;
  const done = (async () => {
    let db: pg.Client | undefined;
    while (!stop) {
      try {
        if (!db) {
          db = await connectAsMaster(f, f.info.endpoints[0]?.port ?? 0);
          // The failover cuts this session; the in-flight query rejects, and the loop reconnects.
          db.on("error", () => undefined);
        }
        const id = nextLedgerId++;
        await db.query("insert into ledger (id) values ($1)", [id]);
        acknowledged.push(id);
      } catch {
        // Unacknowledged: not in `acknowledged`, so the test never counts it as a write it may not lose.
        await db?.end().catch(() => undefined);
        db = undefined;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await db?.end().catch(() => undefined);
  })();
  return {
    acknowledged,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}
