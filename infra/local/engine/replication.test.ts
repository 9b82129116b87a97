import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signalServerTree } from "../pg/process-tree";
import { connectAsMaster, eventually, startTempFleet, type TempFleet } from "../test-support/temp-fleet";

let f: TempFleet;
const writerPort = () => f.info.endpoints.find((e) => e.role === "writer")!.port;
const replicaPorts = () => f.info.endpoints.filter((e) => e.role === "replica").map((e) => e.port);

beforeAll(async () => {
  f = await startTempFleet();
});
afterAll(async () => {
  await f?.cleanup();
});

describe("the local fleet", () => {
  test("has a writer endpoint that reaches the writer node, and two replica endpoints", async () => {
    expect(f.info.endpoints.map((e) => e.role)).toEqual(["writer", "replica", "replica"]);
    const db = await connectAsMaster(f, writerPort());
    try {
      const { rows } = await db.query(
        "select pg_is_in_recovery() as standby, inet_server_port() as port, current_setting('ssl') as ssl",
      );
      expect(rows[0]).toEqual({ standby: false, port: f.engine.nodeFor("writer")!.port, ssl: "on" });
    } finally {
      await db.end();
    }
  });

  test("a commit is acknowledged only once the synchronous standby has it", async () => {
    const db = await connectAsMaster(f, writerPort());
    const standby = f.engine.nodeFor("standby")!;
    try {
      await db.query("create table sync_probe (id int primary key, note text)");
      // Freeze the standby (postmaster and children, WAL receiver included): the commit must wait for it.
      signalServerTree(standby.postmaster.pid!, "SIGSTOP");
      let committed = false;
      const insert = db.query("insert into sync_probe values (1, 'on both')").then(() => {
        committed = true;
      });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(committed).toBe(false);
      signalServerTree(standby.postmaster.pid!, "SIGCONT");
      await insert;
      expect(committed).toBe(true);
      const { rows } = await db.query(
        "select sync_state, flush_lsn >= pg_current_wal_lsn() as has_it from pg_stat_replication where application_name = $1",
        [standby.name],
      );
      expect(rows[0]).toEqual({ sync_state: "sync", has_it: true });
    } finally {
      if (standby.postmaster.pid) signalServerTree(standby.postmaster.pid, "SIGCONT");
      await db.end();
    }
  });

  test("the standby is not readable by applications", async () => {
    const standby = f.engine.nodeFor("standby")!;
    const c = new pg.Client({
      host: "127.0.0.1",
      port: standby.port,
      user: f.engine.credentials.master.username,
      password: f.engine.credentials.master.password,
      database: "myapp",
      ssl: { ca: readFileSync(f.info.caCertPath, "utf8") },
    });
    await expect(c.connect()).rejects.toThrow(/pg_hba\.conf|no pg_hba/);
  });

  test("a row committed on the writer reaches both replicas", async () => {
    const db = await connectAsMaster(f, writerPort());
    try {
      await db.query("create table replicated (id int primary key)");
      await db.query("insert into replicated values (42)");
    } finally {
      await db.end();
    }
    for (const port of replicaPorts()) {
      const r = await connectAsMaster(f, port);
      try {
        const found = await eventually(
          async () =>
            (await r.query("select id from replicated where id = 42").catch(() => ({ rows: [] }))).rows[0]
              ? true
              : undefined,
          10_000,
          `row on replica port ${port}`,
        );
        expect(found).toBe(true);
      } finally {
        await r.end();
      }
    }
  });

  test("replicas reject writes", async () => {
    for (const port of replicaPorts()) {
      const r = await connectAsMaster(f, port);
      try {
        await expect(r.query("create table nope (id int)")).rejects.toMatchObject({ code: "25006" });
      } finally {
        await r.end();
      }
    }
  });

  test("connections without TLS are refused, as with rds.force_ssl", async () => {
    const c = new pg.Client({
      host: "127.0.0.1",
      port: writerPort(),
      user: f.engine.credentials.master.username,
      password: f.engine.credentials.master.password,
      database: "myapp",
      ssl: false,
    });
    await expect(c.connect()).rejects.toThrow(/no encryption|pg_hba\.conf rejects/);
  });

  test("a replica that is killed is reported as failed", async () => {
    const replica = f.engine.nodeFor("production-myapp-replica-2")!;
    process.kill(replica.postmaster.pid!, "SIGKILL");
    const status = await eventually(
      async () =>
        f.engine.instances().find((i) => i.id === "production-myapp-replica-2" && i.status === "failed")?.status,
      5_000,
      "replica-2 reported failed",
    );
    expect(status).toBe("failed");
    expect(f.engine.instances().find((i) => i.id === "production-myapp-replica-1")?.status).toBe("available");
  });
});
