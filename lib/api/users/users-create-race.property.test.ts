/**
 * Concurrent creates with colliding emails, over HTTP against a real fleet:
 * whatever the mix and order — requests sent together (one group commit, or
 * several), or in two waves, emails in any letter case, some already taken —
 * each email gets exactly one 201, every other request for it a 409
 * email_taken, and the table holds exactly the users the 201s returned.
 */
import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { checkProperty } from "@/test-support/fuzz";
import { type ApiFixture, startApiFixture } from "../../test-support/api-fixture";

let api: ApiFixture;
let db: pg.Client;
beforeAll(async () => {
  api = await startApiFixture();
  db = await api.connect(api.writerPort);
});
afterAll(async () => {
  await db?.end();
  await api?.stop();
});

const SLOTS = 3;
const request = fc.record({
  slot: fc.nat({ max: SLOTS - 1 }),
  upper: fc.boolean(),
  secondWave: fc.boolean(),
});
let run = 0;

test("POST /api/v1/users racing on emails: one 201 per email, the others 409, rows match the 201s", async () => {
  await checkProperty(
    "users API: concurrent creates with colliding emails",
    fc.asyncProperty(
      fc.array(request, { minLength: 2, maxLength: 12 }),
      fc.subarray([...Array(SLOTS).keys()]),
      async (requests, takenSlots) => {
        const tag = `race${++run}x${process.pid}`;
        const email = (slot: number, upper: boolean) =>
          upper ? `${tag}-${slot}@EXAMPLE.com`.toUpperCase() : `${tag}-${slot}@example.com`;
        const taken = new Map<number, { id: number; name: string; email: string }>();
        for (const slot of takenSlots) {
          const { rows } = await db.query<{ id: number; name: string; email: string }>(
            "insert into users (name, email) values ($1, $2) returning id, name, email",
            [`taken ${slot}`, email(slot, false)],
          );
          if (rows[0]) taken.set(slot, rows[0]);
        }
        const send = (r: (typeof requests)[number], i: number) =>
          api.call("POST", "/api/v1/users", { body: { name: `n${i}`, email: email(r.slot, r.upper) } });
        const firstWave = await Promise.all(requests.map((r, i) => (r.secondWave ? undefined : send(r, i))));
        const secondWave = await Promise.all(requests.map((r, i) => (r.secondWave ? send(r, i) : undefined)));
        const replies = requests.map((r, i) => ({ slot: r.slot, reply: firstWave[i] ?? secondWave[i] }));

        const winners: { id: number; name: string; email: string }[] = [...taken.values()];
        for (let slot = 0; slot < SLOTS; slot++) {
          const mine = replies.filter((r) => r.slot === slot).map((r) => r.reply);
          if (mine.length === 0) continue;
          const created = mine.filter((r) => r?.status === 201);
          expect(created.length, `201s for slot ${slot}`).toBe(taken.has(slot) ? 0 : 1);
          for (const r of mine.filter((r) => r?.status !== 201)) {
            expect(r?.status).toBe(409);
            expect(r?.json).toMatchObject({ code: "email_taken" });
          }
          const user = created[0]?.json as { id: number; name: string; email: string } | undefined;
          if (user) winners.push({ id: user.id, name: user.name, email: user.email });
        }
        const { rows } = await db.query<{ id: number; name: string; email: string }>(
          "select id, name, email from users where lower(email) like $1 order by id",
          [`${tag}-%`],
        );
        expect(rows).toEqual(winners.sort((a, b) => a.id - b.id));
      },
    ),
  );
});
