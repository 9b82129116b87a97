/**
 * Every operation refuses, by name and before acting, the model's members it
 * does not declare, rather than letting the Query layer drop them and answer
 * "done" for something nothing applied.
 */
import { describe, expect, test } from "vitest";
import { fuzzRdsBackend } from "../test-support/fuzz-rds-backend";
import { awsRequest, serviceAnswer } from "../test-support/service-answer";
import { createRdsService, RDS_API_VERSION } from "./rds-service";

const backend = fuzzRdsBackend();
const service = createRdsService(backend);
const FORM = new Map([["content-type", "application/x-www-form-urlencoded; charset=utf-8"]]);
const ARN = "arn:aws:rds:us-east-1:000000000000:db:production-myapp";

const call = (action: string, params: Record<string, string>) =>
  serviceAnswer(
    service,
    awsRequest({
      body: new URLSearchParams({ Action: action, Version: RDS_API_VERSION, ...params }).toString(),
      headers: FORM,
    }),
  );

describe("undeclared members", () => {
  test.each([
    // Every member of ModifyDBInstance the local fleet does not apply.
    ...[
      ["Iops", "3000"],
      ["StorageThroughput", "500"],
      ["EngineVersion", "17.7"],
      ["AllowMajorVersionUpgrade", "true"],
      ["AutoMinorVersionUpgrade", "false"],
      ["NewDBInstanceIdentifier", "renamed"],
      ["PubliclyAccessible", "true"],
      ["MonitoringInterval", "5"],
      ["EnablePerformanceInsights", "false"],
      ["CACertificateIdentifier", "rds-ca-rsa2048-g1"],
      ["DBPortNumber", "5433"],
      ["OptionGroupName", "default:postgres-17"],
      ["EnableIAMDatabaseAuthentication", "true"],
      ["ManageMasterUserPassword", "true"],
      ["NetworkType", "DUAL"],
      ["DedicatedLogVolume", "true"],
      ["MultiTenant", "true"],
      ["DatabaseInsightsMode", "advanced"],
      ["Engine", "postgres"],
      ["DBSubnetGroupName", "other"],
      ["VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-1"],
    ].map(([member = "", value = ""]): [string, Record<string, string>, string | undefined] => [
      "ModifyDBInstance",
      { DBInstanceIdentifier: "production-myapp", [member]: value },
      member.split(".")[0],
    ]),
    [
      "RestoreDBInstanceFromDBSnapshot",
      { DBInstanceIdentifier: "r1", DBSnapshotIdentifier: "s1", DBSubnetGroupName: "other" },
      "DBSubnetGroupName",
    ],
    [
      "RestoreDBInstanceToPointInTime",
      {
        TargetDBInstanceIdentifier: "r1",
        SourceDBInstanceIdentifier: "a",
        UseLatestRestorableTime: "true",
        Iops: "3000",
      },
      "Iops",
    ],
    [
      "CreateDBInstanceReadReplica",
      {
        DBInstanceIdentifier: "r1",
        SourceDBInstanceIdentifier: "a",
        "TagSpecifications.item.1.ResourceType": "auto-backup",
      },
      "TagSpecifications",
    ],
    // Older operations too: the check is the query layer's, for every action.
    [
      "PromoteReadReplica",
      {
        DBInstanceIdentifier: "production-myapp-replica-1",
        "TagSpecifications.item.1.ResourceType": "auto-backup",
      },
      "TagSpecifications",
    ],
    // Not a member of RebootDBInstance's model at all: ignored, as AWS Query services do.
    ["RebootDBInstance", { DBInstanceIdentifier: "production-myapp", "TagList.Tag.1.Key": "x" }, undefined],
    ["CreateDBSnapshot", { DBInstanceIdentifier: "a", DBSnapshotIdentifier: "s1" }, undefined],
    ["AddTagsToResource", { ResourceName: ARN, "Tags.Tag.1.Key": "team", "Tags.Tag.1.Value": "db" }, undefined],
  ])("%s %j: refused naming %s (undefined: accepted)", async (action, params, parameter) => {
    const calls = backend.calls;
    const answer = await call(action, params);
    if (parameter === undefined) {
      expect(answer.ok).toBe(true);
      return;
    }
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe("InvalidParameterCombination");
    expect(answer.error.message).toBe(
      `The local fleet does not support ${parameter} on ${action}: it refuses the request rather than ignore it.`,
    );
    expect(backend.calls).toBe(calls);
  });

  test("ListTagsForResource accepts an empty Filters and refuses one with filters (RDS does not support them)", async () => {
    expect((await call("ListTagsForResource", { ResourceName: ARN, Filters: "" })).ok).toBe(true);
    const answer = await call("ListTagsForResource", {
      ResourceName: ARN,
      "Filters.Filter.1.Name": "x",
      "Filters.Filter.1.Values.Value.1": "y",
    });
    expect(answer.ok ? undefined : answer.error.message).toContain("Filters");
  });
});
