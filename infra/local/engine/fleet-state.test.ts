/** fleet-state.json: format 1 files (one writer and its replicas) are read as format 2 instance lists. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { defineFleet } from "../../fleet";
import { readState, replicasOf, statePath, writeState } from "./fleet-state";

const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const v1 = {
  formatVersion: 1,
  pgMajor: "17",
  complete: true,
  writer: {
    id: "production-myapp",
    createdAt: "2025-01-15T08:30:12.345Z",
    endpointPort: 15432,
    dbiResourceId: "db-AAAAAAAAAAAAAAAAAAAAAAAAAA",
    primary: { name: "production-myapp-b", port: 15443, az: "us-east-1b" },
    standby: { name: "production-myapp-a", port: 15442, az: "us-east-1a" },
    standbyNeedsRebuild: true,
  },
  replicas: [
    {
      id: "production-myapp-replica-1",
      createdAt: "2025-01-15T08:30:12.345Z",
      dbiResourceId: "db-BBBBBBBBBBBBBBBBBBBBBBBBBB",
      node: { name: "production-myapp-replica-1", port: 15433, az: "us-east-1c" },
    },
  ],
};

describe("fleet-state.json", () => {
  test("a format 1 file is migrated on read, keeping nodes, ports and a pending standby rebuild", () => {
    writeFileSync(statePath(dir), JSON.stringify(v1));
    const state = readState(dir, defineFleet({ deletionProtection: true, backupRetentionDays: 7 }))!;
    expect(state.formatVersion).toBe(2);
    expect(state.instances).toEqual([
      {
        id: "production-myapp",
        role: "writer",
        createdAt: "2025-01-15T08:30:12.345Z",
        dbiResourceId: "db-AAAAAAAAAAAAAAAAAAAAAAAAAA",
        endpointPort: 15432,
        node: { name: "production-myapp-b", port: 15443, az: "us-east-1b" },
        standby: { name: "production-myapp-a", port: 15442, az: "us-east-1a" },
        standbyNeedsRebuild: true,
        instanceClass: "db.t3.micro",
        deletionProtection: true,
        backupRetentionPeriod: 7,
        // Format 1 kept no tags; its instances reported CopyTagsToSnapshot true.
        tags: [],
        copyTagsToSnapshot: true,
      },
      {
        id: "production-myapp-replica-1",
        role: "replica",
        createdAt: "2025-01-15T08:30:12.345Z",
        dbiResourceId: "db-BBBBBBBBBBBBBBBBBBBBBBBBBB",
        endpointPort: 15433,
        node: { name: "production-myapp-replica-1", port: 15433, az: "us-east-1c" },
        sourceId: "production-myapp",
        instanceClass: "db.t3.micro",
        deletionProtection: false,
        backupRetentionPeriod: 0,
        tags: [],
        copyTagsToSnapshot: true,
      },
    ]);
    expect(replicasOf(state, "production-myapp").map((r) => r.id)).toEqual(["production-myapp-replica-1"]);
  });

  test("a migrated state is written back as format 2 and read unchanged", () => {
    writeFileSync(statePath(dir), JSON.stringify(v1));
    const migrated = readState(dir)!;
    writeState(dir, migrated);
    expect(JSON.parse(readFileSync(statePath(dir), "utf8")).formatVersion).toBe(2);
    expect(readState(dir)).toEqual(migrated);
  });

  test("a format 2 file from before the fleet kept tags reads as no tags, copying to snapshots as it reported", () => {
    writeFileSync(statePath(dir), JSON.stringify(v1));
    const migrated = readState(dir)!;
    const withoutTagFields = {
      ...migrated,
      instances: migrated.instances.map(({ tags: _t, copyTagsToSnapshot: _c, ...rest }) => rest),
    };
    writeFileSync(statePath(dir), JSON.stringify(withoutTagFields));
    const read = readState(dir)!;
    expect(read.instances.map((i) => [i.tags, i.copyTagsToSnapshot])).toEqual([
      [[], true],
      [[], true],
    ]);
    // Each instance its own list: tagging one must not tag the other.
    expect(read.instances[0]!.tags).not.toBe(read.instances[1]!.tags);
  });

  test("a format 2 file that called the writer's record primary reads it as the writer", () => {
    writeFileSync(statePath(dir), JSON.stringify(v1));
    const migrated = readState(dir)!;
    const older = {
      ...migrated,
      instances: migrated.instances.map((i) => ({ ...i, role: i.role === "writer" ? "primary" : i.role })),
    };
    writeFileSync(statePath(dir), JSON.stringify(older));
    expect(readState(dir)!.instances.map((i) => i.role)).toEqual(["writer", "replica"]);
  });

  test("a damaged file is refused with what to do", () => {
    writeFileSync(statePath(dir), JSON.stringify({ formatVersion: 2, pgMajor: "17" }));
    expect(() => readState(dir)).toThrow(/is damaged .*npm run fleet:reset/);
  });
});
