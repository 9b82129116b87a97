/** GET /api/v1/users: order, offset paging, keyset paging with cursors, ties and the last page. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ApiFixture, startApiFixture } from "../../test-support/api-fixture";

let api: ApiFixture;
let expected: number[];
let lsn: string;
type Page = { users: { id: number; created_at: string }[]; limit: number; offset: number; next_cursor: string | null };

beforeAll(async () => {
  api = await startApiFixture();
  const db = await api.connect(api.writerPort);
  try {
    // Five users share one created_at to the microsecond: only id can order them, and pages must not split them wrongly.
    await db.query(`insert into users (name, email, created_at, updated_at)
      select 'tie ' || g, 'tie' || g || '@example.com', '2025-01-01 00:00:00.123456+00', '2025-01-01 00:00:00.123456+00'
      from generate_series(1, 5) g`);
    await db.query(`insert into users (name, email, created_at, updated_at)
      select 'user ' || g, 'user' || g || '@example.com', '2025-01-01 00:00:00.123456+00'::timestamptz + g * interval '1 microsecond',
             now() from generate_series(1, 18) g`);
    expected = (await db.query<{ id: number }>("select id from users order by created_at desc, id desc")).rows.map(
      (r) => r.id,
    );
    lsn = (await db.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0]?.lsn ?? "";
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  await api?.stop();
});

const get = async (query: string) => {
  const reply = await api.call("GET", `/api/v1/users${query}`, { headers: { "x-rdsdeck-lsn": lsn } });
  expect(reply.status).toBe(200);
  return reply.json as Page;
};

describe("GET /api/v1/users", () => {
  test("defaults to the 10 newest, offset 0, newest first", async () => {
    const page = await get("");
    expect(page.limit).toBe(10);
    expect(page.offset).toBe(0);
    expect(page.users.map((u) => u.id)).toEqual(expected.slice(0, 10));
    expect(Object.keys(page)).toEqual(["users", "limit", "offset", "next_cursor"]);
  });

  test("pages by offset", async () => {
    const page = await get("?limit=4&offset=6");
    expect(page).toMatchObject({ limit: 4, offset: 6 });
    expect(page.users.map((u) => u.id)).toEqual(expected.slice(6, 10));
  });

  test("pages by cursor through every user exactly once, ties included, and ends with next_cursor null", async () => {
    const seen: number[] = [];
    let page = await get("?limit=4");
    for (let guard = 0; guard < 20; guard++) {
      seen.push(...page.users.map((u) => u.id));
      if (page.next_cursor === null) break;
      expect(page.users).toHaveLength(4);
      page = await get(`?limit=4&cursor=${page.next_cursor}`);
    }
    expect(seen).toEqual(expected);
    expect(page.next_cursor).toBeNull();
  });

  test("a page that ends exactly at the last user has no next cursor", async () => {
    const page = await get(`?limit=3&offset=${expected.length - 3}`);
    expect(page.users.map((u) => u.id)).toEqual(expected.slice(-3));
    expect(page.next_cursor).toBeNull();
    expect((await get(`?limit=100`)).next_cursor).toBeNull();
  });

  test("an offset page hands out a cursor that continues where it ends", async () => {
    const first = await get("?limit=5&offset=2");
    const next = await get(`?limit=5&cursor=${first.next_cursor}&offset=0`);
    expect(next.users.map((u) => u.id)).toEqual(expected.slice(7, 12));
  });

  test("limit 100 is allowed; past the end is an empty page", async () => {
    expect((await get("?limit=100")).users).toHaveLength(expected.length);
    const beyond = await get(`?offset=${expected.length}`);
    expect(beyond).toEqual({ users: [], limit: 10, offset: expected.length, next_cursor: null });
  });
});
