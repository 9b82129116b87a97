/**
 * cdk-nag's AwsSolutions rules: no finding may go unexplained. Every
 * acknowledgment carries a written reason, and the AwsSolutions rules pass.
 */
import { Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { describe, expect, test } from "vitest";
import { synthFleet } from "./synth-fleet";

const configurations: Record<string, Record<string, unknown>> = {
  "defaults (created VPC, rotation on)": {},
  "imported VPC, application security group, e-mail alerts": {
    createVpc: "false",
    vpcId: "vpc-0123456789abcdef0",
    vpcCidr: "10.1.0.0/16",
    privateSubnetIds: "subnet-0123456789abcdef0,subnet-0123456789abcdef1,subnet-0123456789abcdef2",
    appSecurityGroupId: "sg-0123456789abcdef0",
    alertEmail: "oncall@example.com",
  },
  "rotation turned off": { rotationDays: 0 },
  "no replicas, no Enhanced Monitoring": { fleet: { replicaCount: 0, monitoringIntervalSeconds: 0 } },
};

function acknowledgments(root: IConstruct) {
  const found: { path: string; id: string; reason: string }[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id, reason });
      }
    }
  }
  return found;
}

describe("acknowledgments", () => {
  const all = acknowledgments(synthFleet().app);

  test("every one says why, in a sentence", () => {
    for (const { id, reason } of all) expect(reason.length, id).toBeGreaterThanOrEqual(10);
  });

  test("the AwsSolutions rules acknowledged, and where", () => {
    const ours = all
      .filter(({ id }) => id.includes("AwsSolutions-"))
      .map(
        ({ path, id }) =>
          `${path.replace("rdsdeck-production/", "")} ${id.replace(/^Annotation::/, "").replace(/\[.*$/, "[…]")}`,
      );
    expect([...new Set(ours)].sort()).toEqual(
      [
        "Dashboard/Policy AwsSolutions-IAM5[…]",
        "Database/EnhancedMonitoringRole AwsSolutions-IAM4[…]",
        "Database/Replica1 AwsSolutions-RDS10",
        "Database/Replica1 AwsSolutions-RDS11",
        "Database/Replica1 AwsSolutions-RDS13",
        "Database/Replica1 AwsSolutions-RDS2",
        "Database/Replica1 AwsSolutions-RDS3",
        "Database/Replica2 AwsSolutions-RDS10",
        "Database/Replica2 AwsSolutions-RDS11",
        "Database/Replica2 AwsSolutions-RDS13",
        "Database/Replica2 AwsSolutions-RDS2",
        "Database/Replica2 AwsSolutions-RDS3",
        "Database/Writer AwsSolutions-RDS11",
      ].sort(),
    );
  });

  test("IAM5 is acknowledged per wildcard resource, never for the whole policy", () => {
    const iam5 = all.filter(({ id }) => id.includes("AwsSolutions-IAM5")).map(({ id }) => id);
    expect(iam5).not.toContain("Annotation::AwsSolutions-IAM5");
    expect(iam5).toContain("Annotation::AwsSolutions-IAM5[Resource::*]");
    expect(iam5).toContain(
      "Annotation::AwsSolutions-IAM5[Resource::arn:aws:rds:us-east-1:<AWS::AccountId>:db:production-myapp-*]",
    );
  });
});

describe("AwsSolutionsChecks", () => {
  test.each(Object.entries(configurations))("%s: no unexplained finding", (_, context) => {
    const { app } = synthFleet({ context });
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.locations).join(" ")}`),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });
});
