import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readRuntimeInfo } from "../runtime-info";
import {
  connectAsMaster,
  eventually,
  fleetPorts,
  makeTempDataDir,
  startTempFleet,
  TEST_ENGINE_ENV,
  testPorts,
} from "../test-support/temp-fleet";
import { readState, writeState } from "./fleet-state";

const dirs: string[] = [];
const tempDir = () => {
  const d = makeTempDataDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const writerPort = (f: { info: { endpoints: { role: string; port: number }[] } }) =>
  f.info.endpoints.find((e) => e.role === "writer")!.port;

describe("fleet lifecycle", () => {
  test("a restart keeps every row, the endpoints and the credentials", async () => {
    const dataDir = tempDir();
    const first = await startTempFleet({ dataDir });
    const env = fleetPorts(first);
    const before = { endpoints: first.info.endpoints, password: first.engine.credentials.master.password };
    const db = await connectAsMaster(first, writerPort(first));
    await db.query("create table kept (id int primary key)");
    await db.query("insert into kept select generate_series(1, 500)");
    await db.end();
    await first.stop();

    const second = await startTempFleet({ dataDir, env });
    try {
      expect(second.info.endpoints).toEqual(before.endpoints);
      expect(second.engine.credentials.master.password).toBe(before.password);
      for (const port of second.info.endpoints.map((e) => e.port)) {
        const c = await connectAsMaster(second, port);
        const count = await eventually(
          async () => {
            const { rows } = await c.query("select count(*)::int as n from kept");
            return rows[0].n === 500 ? rows[0].n : undefined;
          },
          10_000,
          `500 rows on port ${port}`,
        );
        expect(count).toBe(500);
        await c.end();
      }
    } finally {
      await second.stop();
    }
  });

  test("a data directory written by the format 1 engine (one writer, its replicas) boots, with its rows", async () => {
    const dataDir = tempDir();
    const first = await startTempFleet({ dataDir });
    const env = fleetPorts(first);
    const db = await connectAsMaster(first, writerPort(first));
    await db.query("create table from_v1 (id int)");
    await db.query("insert into from_v1 values (1)");
    await db.end();
    await first.stop();
    const [writer, ...replicas] = readState(dataDir)!.instances;
    const v1 = {
      formatVersion: 1,
      pgMajor: readState(dataDir)!.pgMajor,
      complete: true,
      writer: {
        id: writer!.id,
        createdAt: writer!.createdAt,
        endpointPort: writer!.endpointPort,
        dbiResourceId: writer!.dbiResourceId,
        primary: writer!.node,
        standby: writer!.standby,
      },
      replicas: replicas.map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        dbiResourceId: r.dbiResourceId,
        node: r.node,
      })),
    };
    writeFileSync(path.join(dataDir, "fleet-state.json"), JSON.stringify(v1));
    const again = await startTempFleet({ dataDir, env });
    try {
      expect(again.engine.instances().map((i) => [i.id, i.status, i.deletionProtection])).toEqual([
        ["production-myapp", "available", true],
        ["production-myapp-replica-1", "available", false],
        ["production-myapp-replica-2", "available", false],
      ]);
      const c = await connectAsMaster(again, writerPort(again));
      expect((await c.query("select id from from_v1")).rows).toEqual([{ id: 1 }]);
      await c.end();
    } finally {
      await again.stop();
    }
    expect(readState(dataDir)!.formatVersion).toBe(2);
  });

  test("a second engine on the same data directory is refused while one runs", async () => {
    const dataDir = tempDir();
    const running = await startTempFleet({ dataDir });
    const _env = fleetPorts(running);
    try {
      await expect(startTempFleet({ dataDir, env: testPorts() })).rejects.toThrow(/already running \(pid \d+\)/);
      // The refusal must not have disturbed the running fleet.
      const db = await connectAsMaster(running, writerPort(running));
      expect((await db.query("select 1 as ok")).rows[0].ok).toBe(1);
      await db.end();
    } finally {
      await running.stop();
    }
  });

  test("a port in use is named, with how to move the fleet", async () => {
    const env = testPorts();
    const blocker = net.createServer();
    const replicaPort = Number(env.RDSDECK_PORT_BASE) + 2;
    await new Promise<void>((r) => blocker.listen(replicaPort, "127.0.0.1", () => r()));
    try {
      await expect(startTempFleet({ dataDir: tempDir(), env })).rejects.toThrow(
        new RegExp(`Port ${replicaPort} \\(replica endpoint production-myapp-replica-2\\).*RDSDECK_PORT_BASE`),
      );
    } finally {
      blocker.close();
    }
  });

  test("a disk without room for the fleet is refused with a clear message, and a restart keeps the data", async () => {
    const dataDir = tempDir();
    const f = await startTempFleet({ dataDir });
    const env = fleetPorts(f);
    const db = await connectAsMaster(f, writerPort(f));
    await db.query("create table kept_on_full_disk (id int)");
    await db.query("insert into kept_on_full_disk values (7)");
    await db.end();
    await f.stop();
    // Asking for more free space than any disk has is how a test meets a full disk without filling one.
    await expect(startTempFleet({ dataDir, env: { ...env, RDSDECK_MIN_FREE_MB: String(1024 ** 3) } })).rejects.toThrow(
      /is full or nearly so: \d+ MB free, the fleet needs at least \d+ MB/,
    );
    const again = await startTempFleet({ dataDir, env });
    try {
      const c = await connectAsMaster(again, writerPort(again));
      expect((await c.query("select id from kept_on_full_disk")).rows).toEqual([{ id: 7 }]);
      await c.end();
    } finally {
      await again.stop();
    }
  });

  test("a data directory from another PostgreSQL major is refused and left alone", async () => {
    const dataDir = tempDir();
    const f = await startTempFleet({ dataDir });
    const env = fleetPorts(f);
    await f.stop();
    const versionFile = path.join(dataDir, "nodes", "production-myapp-a", "PG_VERSION");
    writeFileSync(versionFile, "16\n");
    await expect(startTempFleet({ dataDir, env })).rejects.toThrow(/holds a PostgreSQL 16 fleet.*runs PostgreSQL 17/);
    expect(readFileSync(versionFile, "utf8")).toBe("16\n");
  });

  test("a half-initialised data directory is rebuilt", async () => {
    const dataDir = tempDir();
    const f = await startTempFleet({ dataDir });
    const env = fleetPorts(f);
    await f.stop();
    const state = readState(dataDir)!;
    writeState(dataDir, { ...state, complete: false });
    const again = await startTempFleet({ dataDir, env });
    try {
      expect(again.engine.instances().map((i) => i.status)).toEqual(["available", "available", "available"]);
    } finally {
      await again.stop();
    }
  });

  test("an engine killed with SIGKILL leaves nothing that blocks the next start", async () => {
    const dataDir = tempDir();
    const env = { ...process.env, ...TEST_ENGINE_ENV, ...testPorts(), RDSDECK_DATA_DIR: dataDir };
    const start = () =>
      spawn(process.execPath, ["--import", "tsx", "infra/local/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const ready = (child: ChildProcess) =>
      new Promise<void>((resolve, reject) => {
        let out = "";
        child.stdout?.on("data", (d) => {
          out += d;
          if (out.includes("Local fleet ready")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`engine exited (${code}): ${out}`)));
      });
    const first = start();
    await ready(first);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    expect(readRuntimeInfo(dataDir)).toBeUndefined(); // its pid is gone, so its engine.json no longer counts

    const second = start();
    try {
      await ready(second);
      const info = await eventually(async () => readRuntimeInfo(dataDir), 5_000, "engine.json");
      expect(info.pid).toBe(second.pid);
    } finally {
      second.kill("SIGTERM");
      await new Promise((r) => second.once("exit", r));
    }
    // Two cold boots of a whole fleet (initdb, four clones) in one test: the suite's 60 s is one boot's budget.
  }, 180_000);
});
