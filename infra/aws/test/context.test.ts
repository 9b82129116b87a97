/**
 * Reading the CDK context: cdk.json values keep their JSON types, `-c` values
 * arrive as strings, and a mistake names the key it is about.
 */
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { describe, expect, test } from "vitest";
import { readContext } from "../lib/context";

const read = (context: Record<string, unknown>) => readContext((key) => context[key]);

describe("defaults", () => {
  test("create a VPC, rotate every 30 days, keep logs 30 days, the fleet definition's defaults", () => {
    const { fleet, deployment } = read({});
    expect(deployment).toEqual({
      vpc: { kind: "create", cidr: "10.0.0.0/16" },
      rotationDays: 30,
      logRetention: RetentionDays.ONE_MONTH,
    });
    expect(fleet).toMatchObject({ environment: "production", databaseName: "myapp", region: "us-east-1" });
  });
});

describe("values from the command line", () => {
  test("booleans, numbers and lists given as strings", () => {
    const { deployment } = read({
      createVpc: "false",
      vpcId: "vpc-0123456789abcdef0",
      vpcCidr: "10.9.0.0/16",
      privateSubnetIds: "subnet-0123456789abcdef0, subnet-0123456789abcdef1",
      rotationDays: "0",
      logRetentionDays: "90",
      appSecurityGroupId: "sg-0123456789abcdef0",
      alertEmail: "oncall@example.com",
    });
    expect(deployment).toEqual({
      vpc: {
        kind: "import",
        vpcId: "vpc-0123456789abcdef0",
        cidr: "10.9.0.0/16",
        privateSubnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
      },
      rotationDays: 0,
      logRetention: RetentionDays.THREE_MONTHS,
      appSecurityGroupId: "sg-0123456789abcdef0",
      alertEmail: "oncall@example.com",
    });
  });

  test("createVpc=false alone means: look the VPC up by its Name tag", () =>
    expect(read({ createVpc: "false" }).deployment.vpc).toEqual({ kind: "lookup" }));

  test("fleet overrides as JSON text, and the environment shortcut", () => {
    const { fleet } = read({ fleet: '{"instanceClass":"db.m7g.large","replicaCount":1}', environment: "staging" });
    expect(fleet).toMatchObject({ environment: "staging", instanceClass: "db.m7g.large", replicaCount: 1 });
  });
});

describe("mistakes name the key", () => {
  test.each([
    [{ createVpc: "maybe" }, /createVpc/],
    [{ vpcId: "vpc-0123456789abcdef0" }, /vpcId.*createVpc=false/s],
    [{ createVpc: false, vpcId: "vpc-0123456789abcdef0" }, /vpcCidr and privateSubnetIds/],
    [{ createVpc: false, vpcId: "vpc-1", vpcCidr: "10.0.0.0/16", privateSubnetIds: "subnet-1" }, /vpcId/],
    [{ vpcCidr: "10.0.0.0" }, /vpcCidr/],
    [{ appSecurityGroupId: "default" }, /appSecurityGroupId/],
    [{ alertEmail: "oncall" }, /alertEmail/],
    [{ rotationDays: "-1" }, /rotationDays/],
    [{ logRetentionDays: 10 }, /logRetentionDays/],
    [{ fleet: "{not json" }, /fleet/],
  ])("%j", (context, message) => expect(() => read(context)).toThrow(message));

  test("an invalid fleet override is reported as the fleet's field", () =>
    expect(() => read({ fleet: { replicaCount: 9 } })).toThrow(/fleet.*replicaCount/s));
});
