/**
 * DescribeDBSnapshots' selection, filters and paging through the real SDK,
 * over a listed set of snapshots (the real engine's snapshots are covered by
 * infra/local/engine/snapshots.test.ts).
 */
import { type DBSnapshot, DescribeDBSnapshotsCommand, paginateDescribeDBSnapshots } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RdsBackend } from "../rds-backend";
import { unusedRdsActions } from "../test-support/fleet-fixture";
import { startTestServer, type TestServer } from "../test-support/test-server";

const snapshot = (id: string, instance: string, type: "manual" | "automated"): DBSnapshot => ({
  DBSnapshotIdentifier: id,
  DBInstanceIdentifier: instance,
  DBSnapshotArn: `arn:aws:rds:us-east-1:000000000000:snapshot:${id}`,
  SnapshotType: type,
  Status: "available",
  Engine: "postgres",
  DbiResourceId: `db-${instance.toUpperCase()}`,
  SnapshotCreateTime: new Date("2031-03-01T03:30:00.000Z"),
  PercentProgress: 100,
});

const snapshots = [
  ...Array.from({ length: 23 }, (_, i) => snapshot(`manual-${String(i).padStart(2, "0")}`, "alpha", "manual")),
  snapshot("rds:alpha-2031-03-01-03-30", "alpha", "automated"),
  snapshot("beta-final", "beta", "manual"),
];

let server: TestServer;
beforeAll(async () => {
  const backend: RdsBackend = {
    ...unusedRdsActions(),
    describeDBInstances: () => [],
    describeEvents: () => [],
    describeDBSnapshots: () => snapshots,
  };
  server = await startTestServer(backend);
});
afterAll(() => server.close());

const ids = (out: { DBSnapshots?: DBSnapshot[] }) => out.DBSnapshots?.map((s) => s.DBSnapshotIdentifier);

describe("DescribeDBSnapshots", () => {
  test("pages of MaxRecords with a Marker, every snapshot once, in identifier order", async () => {
    const seen: string[] = [];
    const pages: number[] = [];
    for await (const page of paginateDescribeDBSnapshots({ client: server.client(), pageSize: 20 }, {})) {
      pages.push(page.DBSnapshots?.length ?? 0);
      seen.push(...(page.DBSnapshots ?? []).map((s) => s.DBSnapshotIdentifier ?? ""));
    }
    expect(pages).toEqual([20, 5]);
    expect(seen).toEqual([...snapshots.map((s) => s.DBSnapshotIdentifier!)].sort());
  });

  test.each([
    ["DBSnapshotIdentifier, any case", { DBSnapshotIdentifier: "BETA-FINAL" }, ["beta-final"]],
    [
      "DBInstanceIdentifier and SnapshotType",
      { DBInstanceIdentifier: "alpha", SnapshotType: "automated" },
      ["rds:alpha-2031-03-01-03-30"],
    ],
    ["SnapshotType shared (none locally)", { SnapshotType: "shared" }, []],
    ["an unknown instance", { DBInstanceIdentifier: "gamma" }, []],
    [
      "Filters db-instance-id and snapshot-type",
      {
        Filters: [
          { Name: "db-instance-id", Values: ["beta", "alpha"] },
          { Name: "snapshot-type", Values: ["automated"] },
        ],
      },
      ["rds:alpha-2031-03-01-03-30"],
    ],
    ["Filters dbi-resource-id", { Filters: [{ Name: "dbi-resource-id", Values: ["db-BETA"] }] }, ["beta-final"]],
  ])("selects by %s", async (_, input, expected) => {
    expect(ids(await server.client().send(new DescribeDBSnapshotsCommand(input)))).toEqual(expected);
  });

  test.each([
    ["an unknown DBSnapshotIdentifier", { DBSnapshotIdentifier: "nope" }, "DBSnapshotNotFoundFault", 404],
    ["an unknown filter", { Filters: [{ Name: "colour", Values: ["blue"] }] }, "InvalidParameterValue", 400],
    ["MaxRecords below 20", { MaxRecords: 5 }, "InvalidParameterValue", 400],
    ["an unknown SnapshotType", { SnapshotType: "weekly" }, "InvalidParameterValue", 400],
  ])("refuses %s with %s", async (_, input, name, status) => {
    await expect(server.client().send(new DescribeDBSnapshotsCommand(input))).rejects.toMatchObject({
      name,
      $metadata: { httpStatusCode: status },
    });
  });
});
