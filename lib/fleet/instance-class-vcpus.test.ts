import { describe, expect, test } from "vitest";
import { instanceClassVcpus } from "./instance-class-vcpus";

describe("instanceClassVcpus", () => {
  test.each([
    ["db.t3.micro", 2],
    ["db.t4g.medium", 2],
    ["db.m5.large", 2],
    ["db.r6g.xlarge", 4],
    ["db.m6i.2xlarge", 8],
    ["db.r5.24xlarge", 96],
  ])("%s has %d vCPUs", (instanceClass, vcpus) => {
    expect(instanceClassVcpus(instanceClass)).toBe(vcpus);
  });

  test.each([undefined, "db.x9.giant", ""])("%s: unknown, no line", (instanceClass) => {
    expect(instanceClassVcpus(instanceClass)).toBeUndefined();
  });
});
