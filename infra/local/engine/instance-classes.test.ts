/** The class table and the settings RDS's default parameter group derives from each class's memory. */
import { describe, expect, test } from "vitest";
import { INSTANCE_CLASSES, instanceClassSpec, nodeSizing, UNSIZED } from "./instance-classes";

describe("instance classes", () => {
  test("memory and vCPUs as AWS lists them", () => {
    expect(instanceClassSpec("db.t3.micro")).toEqual({ vcpu: 2, memoryGiB: 1 });
    expect(instanceClassSpec("db.t4g.medium")).toEqual({ vcpu: 2, memoryGiB: 4 });
    expect(instanceClassSpec("db.m6g.xlarge")).toEqual({ vcpu: 4, memoryGiB: 16 });
    expect(instanceClassSpec("db.r5.large")).toEqual({ vcpu: 2, memoryGiB: 16 });
    expect(instanceClassSpec("db.x9.huge")).toBeUndefined();
    expect(INSTANCE_CLASSES).toContain("db.r6g.4xlarge");
  });

  test.each([
    ["db.t3.micro", { sharedBuffersMB: 256, effectiveCacheSizeMB: 512, maxConnections: 112, maintenanceWorkMemMB: 64 }],
    [
      "db.t3.small",
      { sharedBuffersMB: 512, effectiveCacheSizeMB: 1024, maxConnections: 225, maintenanceWorkMemMB: 64 },
    ],
    [
      "db.r5.large",
      { sharedBuffersMB: 4096, effectiveCacheSizeMB: 8192, maxConnections: 1802, maintenanceWorkMemMB: 268 },
    ],
    [
      "db.r6g.4xlarge",
      { sharedBuffersMB: 32768, effectiveCacheSizeMB: 65536, maxConnections: 5000, maintenanceWorkMemMB: 2148 },
    ],
  ])("%s: RDS's formulas", (instanceClass, expected) => {
    expect(nodeSizing(instanceClass)).toMatchObject({ ...expected, workMemMB: 4 });
  });

  test("a class the table does not know keeps the settings nodes had before classes were sized", () => {
    expect(nodeSizing("db.x9.huge")).toEqual(UNSIZED);
  });
});
