/**
 * The users API's batches against a real fleet. Calls made in one tick of the
 * test (Promise.all over the domain functions) are sure to share a batch; the
 * same mixes over HTTP show that each request still gets its own answer.
 */
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseLsn } from "../../db/lsn";
import { NotFound } from "../../errors";
import { type ApiFixture, startApiFixture } from "../../test-support/api-fixture";
import { createInGroup } from "../../users/batched/user-creations";
import { createUser } from "../../users/create-user";
import { deleteUser } from "../../users/delete-user";
import { getUser } from "../../users/get-user";
import { listUsers } from "../../users/list-users";

let api: ApiFixture;
let writer: pg.Client;
let replicaAdmins: pg.Client[] = [];

beforeAll(async () => {
  api = await startApiFixture({ DATABASE_READER_MAX_LAG_SECONDS: "30" });
  writer = await api.connect(api.writerPort);
  replicaAdmins = await Promise.all(api.replicaPorts.map((port) => api.connect(port, "admin")));
});
afterAll(async () => {
  for (const admin of replicaAdmins) await admin.query("select pg_wal_replay_resume()").catch(() => {});
  await Promise.all([writer, ...replicaAdmins].map((c) => c?.end()));
  await api?.stop();
});

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const outcome = (s: PromiseSettledResult<unknown>) =>
  s.status === "fulfilled" ? "ok" : ((s.reason as { code?: string }).code ?? String(s.reason));

async function rowsLike(pattern: string) {
  const { rows } = await writer.query<{ id: number; name: string; email: string }>(
    "select id, name, email from users where lower(email) like $1 order by id",
    [pattern],
  );
  return rows;
}

describe("GET by id in a batch", () => {
  test("each lookup gets its own row, and a missing id its own 404", async () => {
    const made = await Promise.all(
      [1, 2, 3].map((i) => createUser({ name: `Batch ${i}`, email: `lookup${i}@example.com` })),
    );
    const ids = made.map((m) => m.result.id);
    const lsn = parseLsn(made.at(-1)?.lsn ?? "");
    const asked = [ids[0], 2_147_483_000, ids[1], ids[0], 2_147_483_001, ids[2]] as number[];
    const answers = await settle(asked.map((id) => getUser({ id, minLsn: lsn })));
    expect(answers.map(outcome)).toEqual(["ok", "not_found", "ok", "ok", "not_found", "ok"]);
    for (const [i, answer] of answers.entries()) {
      if (answer.status === "fulfilled") expect(answer.value).toEqual(made[ids.indexOf(asked[i] ?? 0)]?.result);
      else expect(answer.reason).toBeInstanceOf(NotFound);
    }
  });

  test("over HTTP, good, missing and malformed ids sent together are each answered for themselves", async () => {
    const created = await api.call("POST", "/api/v1/users", { body: { name: "Mixed", email: "mixed@example.com" } });
    const { id } = created.json as { id: number };
    const lsn = created.headers.get("x-rdsdeck-lsn") ?? "";
    const paths = [`${id}`, "2147483646", "abc", `${id}`, "0", "2147483648", `${id}`];
    const replies = await Promise.all(
      paths.map((p) => api.call("GET", `/api/v1/users/${p}`, { headers: { "x-rdsdeck-lsn": lsn } })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 404, 400, 200, 400, 400, 200]);
    for (const r of replies.filter((r) => r.status === 200)) expect(r.json).toEqual(created.json);
    expect(replies[2]?.json).toMatchObject({ code: "validation_failed", details: [{ field: "id" }] });
  });
});

describe("read-your-writes under batching", () => {
  test("in one batch, reads carrying a write's position see it while reads without one may not", async () => {
    for (const admin of replicaAdmins) await admin.query("select pg_wal_replay_pause()");
    try {
      const { result: user, lsn } = await createUser({ name: "Fresh", email: "fresh@example.com" });
      const position = parseLsn(lsn);
      // Replicas are in rotation (lag limit 30 s) but paused: only the writer has the row.
      const answers = await settle([
        getUser({ id: user.id, minLsn: position }),
        getUser({ id: user.id }),
        getUser({ id: user.id, minLsn: position }),
        getUser({ id: user.id }),
      ]);
      expect(answers.map(outcome)).toEqual(["ok", "not_found", "ok", "not_found"]);
      const pages = await Promise.all([
        listUsers({ limit: 1, offset: 0, minLsn: position }),
        listUsers({ limit: 1, offset: 0 }),
        listUsers({ limit: 1, offset: 0, minLsn: position }),
      ]);
      expect(pages[0]?.users).toEqual([user]);
      expect(pages[1]?.users).not.toEqual([user]);
      expect(pages[2]?.users).toEqual([user]);
    } finally {
      for (const admin of replicaAdmins) await admin.query("select pg_wal_replay_resume()");
    }
  });

  test("identical lists asked together get the same page; one asked later sees a write made in between", async () => {
    const first = await Promise.all([0, 1, 2].map(() => listUsers({ limit: 5, offset: 0 })));
    expect(first[1]).toBe(first[0]);
    expect(first[2]).toBe(first[0]);
    const { result: user, lsn } = await createUser({ name: "Newest", email: "newest@example.com" });
    const later = await listUsers({ limit: 5, offset: 0, minLsn: parseLsn(lsn) });
    expect(later.users[0]).toEqual(user);
  });
});

describe("group commit of creates", () => {
  test("one group: the first request of each email wins, the others and taken emails get their own 409", async () => {
    await createUser({ name: "Owner", email: "owned@example.com" });
    const asked = [
      { name: "A1", email: "gc-a@example.com" },
      { name: "A2", email: "GC-A@example.com" },
      { name: "B1", email: "gc-b@example.com" },
      { name: "O", email: "Owned@example.com" },
      { name: "A3", email: "gc-a@example.com" },
      { name: "C1", email: "gc-c@example.com" },
    ];
    const answers = await settle(asked.map((input) => createUser(input)));
    expect(answers.map(outcome)).toEqual(["ok", "email_taken", "ok", "email_taken", "email_taken", "ok"]);
    const created = answers.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
    expect(created.map((c) => c.result.name)).toEqual(["A1", "B1", "C1"]);
    expect(await rowsLike("gc-%")).toEqual(created.map(({ result: { id, name, email } }) => ({ id, name, email })));
    for (const c of created) expect(parseLsn(c.lsn)).toBeDefined();
  });

  test("each answer's position is past its own commit: with replicas paused, reads with it see the row", async () => {
    for (const admin of replicaAdmins) await admin.query("select pg_wal_replay_pause()");
    try {
      const created = await Promise.all(
        [1, 2, 3, 4].map((i) => createUser({ name: `P${i}`, email: `paused${i}@example.com` })),
      );
      for (const { result, lsn } of created) {
        expect(await getUser({ id: result.id, minLsn: parseLsn(lsn) })).toEqual(result);
      }
    } finally {
      for (const admin of replicaAdmins) await admin.query("select pg_wal_replay_resume()");
    }
  });

  test("a row the database refuses fails alone: the rest of its group is created", async () => {
    // Below the API's validation (which would refuse both): too long for varchar(255), and a NUL byte.
    const asked = [
      { name: "Fine 1", email: "alone1@example.com" },
      { name: "x".repeat(300), email: "alone2@example.com" },
      { name: "Fine 3", email: "alone3@example.com" },
      { name: "Nul", email: "alone4\u0000@example.com" },
      { name: "Fine 5", email: "alone5@example.com" },
    ];
    const answers = await settle(asked.map((input) => createInGroup(input)));
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"]);
    const errors = answers.flatMap((a) => (a.status === "rejected" ? [(a.reason as { code?: string }).code] : []));
    expect(errors).toEqual(["22001", "22021"]); // each its own: value too long, invalid byte sequence
    // Retried one by one, side by side: which gets the lower id is not said.
    expect((await rowsLike("alone%")).map((r) => r.email).sort()).toEqual([
      "alone1@example.com",
      "alone3@example.com",
      "alone5@example.com",
    ]);
  });

  test("over HTTP, concurrent creates with one email: one 201, the rest 409, one row", async () => {
    const replies = await Promise.all(
      ["x", "X", "x", "x"].map((c, i) =>
        api.call("POST", "/api/v1/users", { body: { name: `r${i}`, email: `http-${c}@example.com` } }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of replies.filter((r) => r.status === 409)) expect(r.json).toMatchObject({ code: "email_taken" });
    const winner = replies.find((r) => r.status === 201)?.json as { id: number; name: string; email: string };
    expect(await rowsLike("http-x@%")).toEqual([{ id: winner.id, name: winner.name, email: winner.email }]);
    const lsn = replies.find((r) => r.status === 201)?.headers.get("x-rdsdeck-lsn") ?? "";
    const read = await api.call("GET", `/api/v1/users/${winner.id}`, { headers: { "x-rdsdeck-lsn": lsn } });
    expect(read.json).toEqual(winner);
  });
});

describe("group commit of deletes", () => {
  test("one group: each id's first request deletes it, a repeat or a missing id gets its own 404", async () => {
    const made = await Promise.all([1, 2].map((i) => createUser({ name: `D${i}`, email: `del${i}@example.com` })));
    const [a, b] = made.map((m) => m.result.id) as [number, number];
    const answers = await settle([a, a, b, 2_147_483_002].map((id) => deleteUser({ id })));
    expect(answers.map(outcome)).toEqual(["ok", "not_found", "ok", "not_found"]);
    expect(await rowsLike("del%")).toEqual([]);
    for (const answer of answers) if (answer.status === "fulfilled") expect(parseLsn(answer.value.lsn)).toBeDefined();
  });
});
