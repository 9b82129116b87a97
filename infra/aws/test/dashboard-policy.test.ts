/**
 * The rdsdeck dashboard's managed policy: every statement, action, resource
 * and condition. Which actions accept resource ARNs follows the Service
 * Authorization Reference (RDS: DescribeEvents takes none; CloudWatch: the
 * metric reads and DescribeAlarmsForMetric take none, alarm actions take
 * `alarm` ARNs; Performance Insights: every read takes `metric-resource`
 * ARNs, metrics/rds/<DbiResourceId>).
 */
import { describe, expect, test } from "vitest";
import { resourceWith, synthFleet } from "./synth-fleet";

type Statement = {
  Sid: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
};

const s = synthFleet();
const policy = resourceWith(s.template, "AWS::IAM::ManagedPolicy");
const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
const list = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);
const bySid = (sid: string) => {
  const found = statements.find((st) => st.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return { ...found, Action: list(found.Action).sort(), Resource: list(found.Resource) };
};

const arn = (service: string, resource: string) => ({
  "Fn::Join": ["", [`arn:aws:${service}:us-east-1:`, { Ref: "AWS::AccountId" }, `:${resource}`]],
});
const arnOfRef = (service: string, resource: string, logicalId: string) => ({
  "Fn::Join": ["", [`arn:aws:${service}:us-east-1:`, { Ref: "AWS::AccountId" }, `:${resource}:`, { Ref: logicalId }]],
});
const logicalId = (type: string) => resourceWith(s.template, type).logicalId;
const dataKey = () => ({
  "Fn::GetAtt": [
    Object.keys(s.template.findResources("AWS::KMS::Key")).find((id) => id.startsWith("KeysDataKey")),
    "Arn",
  ],
});

const fleetInstances = [arn("rds", "db:production-myapp"), arn("rds", "db:production-myapp-*")];
const manualSnapshots = [arn("rds", "snapshot:production-myapp-*")];
const fleetAlarms = [arn("cloudwatch", "alarm:production-myapp-*"), arn("cloudwatch", "alarm:production-rds-*")];

test("is a customer-managed policy named after the environment, attached to nothing yet", () => {
  expect(policy.Properties.ManagedPolicyName).toBe("production-rdsdeck-dashboard");
  expect(policy.Properties).not.toHaveProperty("Roles");
  expect(policy.Properties).not.toHaveProperty("Users");
});

test("grants exactly the calls rdsdeck makes", () => {
  const allowed = new Set(statements.filter((st) => st.Effect === "Allow").flatMap((st) => list(st.Action)));
  expect([...allowed].sort()).toEqual(
    [
      "rds:DescribeDBInstances",
      "rds:DescribeDBSnapshots",
      "rds:DescribeEvents",
      "rds:DescribeDBLogFiles",
      "rds:DownloadDBLogFilePortion",
      "rds:DescribeDBInstanceAutomatedBackups",
      "rds:DeleteDBInstanceAutomatedBackup",
      "rds:CreateDBSnapshot",
      "rds:DeleteDBSnapshot",
      "rds:RebootDBInstance",
      "rds:StopDBInstance",
      "rds:StartDBInstance",
      "rds:PromoteReadReplica",
      "rds:RestoreDBInstanceFromDBSnapshot",
      "rds:RestoreDBInstanceToPointInTime",
      "rds:CreateDBInstanceReadReplica",
      "rds:ModifyDBInstance",
      "rds:DeleteDBInstance",
      "rds:AddTagsToResource",
      "rds:ListTagsForResource",
      "rds:RemoveTagsFromResource",
      "rds:DescribeDBParameterGroups",
      "rds:DescribeDBParameters",
      "rds:CreateDBParameterGroup",
      "rds:ModifyDBParameterGroup",
      "rds:ResetDBParameterGroup",
      "rds:DeleteDBParameterGroup",
      "cloudwatch:GetMetricData",
      "cloudwatch:GetMetricStatistics",
      "cloudwatch:ListMetrics",
      "cloudwatch:DescribeAlarms",
      "cloudwatch:DescribeAlarmsForMetric",
      "cloudwatch:DescribeAlarmHistory",
      "cloudwatch:PutMetricAlarm",
      "cloudwatch:DeleteAlarms",
      "cloudwatch:SetAlarmState",
      "cloudwatch:EnableAlarmActions",
      "cloudwatch:DisableAlarmActions",
      "pi:GetResourceMetrics",
      "pi:DescribeDimensionKeys",
      "pi:GetDimensionKeyDetails",
      "pi:ListAvailableResourceMetrics",
      "secretsmanager:GetSecretValue",
      "kms:Decrypt",
      "kms:CreateGrant",
      "kms:DescribeKey",
      "iam:PassRole",
    ].sort(),
  );
});

test('"*" only where the action supports no resource-level permissions', () => {
  const onStar = statements
    .filter((st) => st.Effect === "Allow" && list(st.Resource).includes("*"))
    .flatMap((st) => list(st.Action));
  expect(onStar.sort()).toEqual([
    "cloudwatch:DescribeAlarmsForMetric",
    "cloudwatch:GetMetricData",
    "cloudwatch:GetMetricStatistics",
    "cloudwatch:ListMetrics",
    "rds:DescribeEvents",
  ]);
});

describe("RDS", () => {
  test("discovery: Describe instances and snapshots of this account and region", () =>
    expect(bySid("DiscoverInstancesAndSnapshots")).toEqual({
      Sid: "DiscoverInstancesAndSnapshots",
      Effect: "Allow",
      Action: ["rds:DescribeDBInstances", "rds:DescribeDBSnapshots"],
      Resource: [arn("rds", "db:*"), arn("rds", "snapshot:*")],
    }));

  test("events: DescribeEvents on *", () =>
    expect(bySid("ReadEvents")).toEqual({
      Sid: "ReadEvents",
      Effect: "Allow",
      Action: ["rds:DescribeEvents"],
      Resource: ["*"],
    }));

  test("reboot (with failover), promote, modify, delete: the fleet's instances only", () =>
    expect(bySid("OperateFleetInstances")).toEqual({
      Sid: "OperateFleetInstances",
      Effect: "Allow",
      Action: ["rds:DeleteDBInstance", "rds:ModifyDBInstance", "rds:PromoteReadReplica", "rds:RebootDBInstance"],
      Resource: fleetInstances,
    }));

  test("stop and start: the fleet's instances only", () =>
    expect(bySid("StopAndStartFleetInstances")).toEqual({
      Sid: "StopAndStartFleetInstances",
      Effect: "Allow",
      Action: ["rds:StartDBInstance", "rds:StopDBInstance"],
      Resource: fleetInstances,
    }));

  test("logs: listed and read on the fleet's instances only, by name", () =>
    expect(bySid("ReadFleetLogs")).toEqual({
      Sid: "ReadFleetLogs",
      Effect: "Allow",
      Action: ["rds:DescribeDBLogFiles", "rds:DownloadDBLogFilePortion"],
      Resource: fleetInstances,
    }));

  test("never deletes the stack-owned writer", () =>
    expect(bySid("KeepTheWriterStackOwned")).toEqual({
      Sid: "KeepTheWriterStackOwned",
      Effect: "Deny",
      Action: ["rds:DeleteDBInstance"],
      Resource: [arn("rds", "db:production-myapp")],
    }));

  test("snapshots: taken of fleet instances, named <writer>-*, deleted only if so named", () => {
    expect(bySid("TakeFleetSnapshots")).toEqual({
      Sid: "TakeFleetSnapshots",
      Effect: "Allow",
      Action: ["rds:CreateDBSnapshot"],
      Resource: [...fleetInstances, ...manualSnapshots],
    });
    expect(bySid("DeleteFleetSnapshots")).toEqual({
      Sid: "DeleteFleetSnapshots",
      Effect: "Allow",
      Action: ["rds:DeleteDBSnapshot"],
      Resource: manualSnapshots,
    });
  });

  test("replicas and restores: fleet names, fleet snapshots, the fleet's parameter, subnet and option group", () => {
    expect(bySid("CreateReplicasAndRestore").Resource).toHaveLength(8);
    expect(bySid("CreateReplicasAndRestore")).toEqual({
      Sid: "CreateReplicasAndRestore",
      Effect: "Allow",
      Action: [
        "rds:CreateDBInstanceReadReplica",
        "rds:RestoreDBInstanceFromDBSnapshot",
        "rds:RestoreDBInstanceToPointInTime",
      ],
      Resource: expect.arrayContaining([
        ...fleetInstances,
        ...manualSnapshots,
        arn("rds", "snapshot:rds:production-myapp-*"),
        arn("rds", "auto-backup:*"),
        arnOfRef("rds", "pg", logicalId("AWS::RDS::DBParameterGroup")),
        arnOfRef("rds", "subgrp", logicalId("AWS::RDS::DBSubnetGroup")),
        arn("rds", "og:default:postgres-17"),
      ]),
    });
  });

  test("automated backups: listed and, retained ones, deleted; RDS names them, so by any name", () => {
    for (const [sid, action] of [
      ["ReadAutomatedBackups", "rds:DescribeDBInstanceAutomatedBackups"],
      ["DeleteRetainedBackups", "rds:DeleteDBInstanceAutomatedBackup"],
    ] as const) {
      expect(bySid(sid)).toEqual({
        Sid: sid,
        Effect: "Allow",
        Action: [action],
        Resource: [arn("rds", "auto-backup:*")],
      });
    }
  });

  test("never a publicly accessible replica or restore", () =>
    expect(bySid("NeverPublicInstances")).toEqual({
      Sid: "NeverPublicInstances",
      Effect: "Deny",
      Action: [
        "rds:CreateDBInstanceReadReplica",
        "rds:RestoreDBInstanceFromDBSnapshot",
        "rds:RestoreDBInstanceToPointInTime",
      ],
      Resource: ["*"],
      Condition: { Bool: { "rds:PubliclyAccessible": "true" } },
    }));

  test("parameter groups: read by any name; created, changed and deleted only if named <writer>-*", () => {
    expect(bySid("ReadParameterGroups")).toEqual({
      Sid: "ReadParameterGroups",
      Effect: "Allow",
      Action: ["rds:DescribeDBParameterGroups", "rds:DescribeDBParameters"],
      Resource: [arn("rds", "pg:*")],
    });
    expect(bySid("ChangeFleetParameterGroups")).toEqual({
      Sid: "ChangeFleetParameterGroups",
      Effect: "Allow",
      Action: [
        "rds:CreateDBParameterGroup",
        "rds:DeleteDBParameterGroup",
        "rds:ModifyDBParameterGroup",
        "rds:ResetDBParameterGroup",
      ],
      Resource: [arn("rds", "pg:production-myapp-*")],
    });
  });

  test("an instance may be switched to a fleet group, the stack's group or the default group", () =>
    expect(bySid("UseParameterGroups")).toEqual({
      Sid: "UseParameterGroups",
      Effect: "Allow",
      Action: ["rds:ModifyDBInstance"],
      Resource: [
        arnOfRef("rds", "pg", logicalId("AWS::RDS::DBParameterGroup")),
        arn("rds", "pg:default.postgres17"),
        arn("rds", "pg:production-myapp-*"),
      ],
    }));

  test("lists, adds and removes tags on the fleet's instances and manual snapshots only", () =>
    expect(bySid("TagFleetResources")).toEqual({
      Sid: "TagFleetResources",
      Effect: "Allow",
      Action: ["rds:AddTagsToResource", "rds:ListTagsForResource", "rds:RemoveTagsFromResource"],
      Resource: [...fleetInstances, ...manualSnapshots],
    }));

  test("new instances are encrypted with the fleet key through RDS and monitored with the fleet's role", () => {
    expect(bySid("EncryptNewInstancesWithTheFleetKey")).toEqual({
      Sid: "EncryptNewInstancesWithTheFleetKey",
      Effect: "Allow",
      Action: ["kms:CreateGrant", "kms:DescribeKey"],
      Resource: [dataKey()],
      Condition: { StringEquals: { "kms:ViaService": "rds.us-east-1.amazonaws.com" } },
    });
    expect(bySid("PassMonitoringRoleToNewInstances")).toEqual({
      Sid: "PassMonitoringRoleToNewInstances",
      Effect: "Allow",
      Action: ["iam:PassRole"],
      Resource: [{ "Fn::GetAtt": [expect.stringMatching(/^DatabaseEnhancedMonitoringRole/), "Arn"] }],
    });
  });
});

describe("Secrets Manager", () => {
  test("reads the master secret, decrypting it only through Secrets Manager", () => {
    expect(bySid("ReadMasterSecret")).toEqual({
      Sid: "ReadMasterSecret",
      Effect: "Allow",
      Action: ["secretsmanager:GetSecretValue"],
      Resource: [{ Ref: logicalId("AWS::SecretsManager::SecretTargetAttachment") }],
    });
    expect(bySid("DecryptMasterSecret")).toEqual({
      Sid: "DecryptMasterSecret",
      Effect: "Allow",
      Action: ["kms:Decrypt"],
      Resource: [dataKey()],
      Condition: { StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } },
    });
  });
});

describe("CloudWatch", () => {
  test("metric reads on * (no resource-level permissions)", () =>
    expect(bySid("ReadMetrics")).toEqual({
      Sid: "ReadMetrics",
      Effect: "Allow",
      Action: [
        "cloudwatch:DescribeAlarmsForMetric",
        "cloudwatch:GetMetricData",
        "cloudwatch:GetMetricStatistics",
        "cloudwatch:ListMetrics",
      ],
      Resource: ["*"],
    }));

  test("alarm reads on this account's alarms", () =>
    expect(bySid("ReadAlarms")).toEqual({
      Sid: "ReadAlarms",
      Effect: "Allow",
      Action: ["cloudwatch:DescribeAlarmHistory", "cloudwatch:DescribeAlarms"],
      Resource: [arn("cloudwatch", "alarm:*")],
    }));

  test("alarm changes on the fleet's alarms only", () =>
    expect(bySid("ManageFleetAlarms")).toEqual({
      Sid: "ManageFleetAlarms",
      Effect: "Allow",
      Action: [
        "cloudwatch:DeleteAlarms",
        "cloudwatch:DisableAlarmActions",
        "cloudwatch:EnableAlarmActions",
        "cloudwatch:SetAlarmState",
      ],
      Resource: fleetAlarms,
    }));

  test("new or edited alarms may notify only the fleet's alerts topic", () =>
    expect(bySid("PutFleetAlarmsNotifyingOnlyTheAlertsTopic")).toEqual({
      Sid: "PutFleetAlarmsNotifyingOnlyTheAlertsTopic",
      Effect: "Allow",
      Action: ["cloudwatch:PutMetricAlarm"],
      Resource: fleetAlarms,
      Condition: {
        "ForAllValues:StringEquals": { "cloudwatch:AlarmActions": [{ Ref: logicalId("AWS::SNS::Topic") }] },
      },
    }));
});

describe("Performance Insights", () => {
  test("reads the load and top SQL of this account's RDS data sources only", () =>
    expect(bySid("ReadPerformanceInsights")).toEqual({
      Sid: "ReadPerformanceInsights",
      Effect: "Allow",
      Action: [
        "pi:DescribeDimensionKeys",
        "pi:GetDimensionKeyDetails",
        "pi:GetResourceMetrics",
        "pi:ListAvailableResourceMetrics",
      ],
      Resource: [arn("pi", "metrics/rds/*")],
    }));
});

test("without Enhanced Monitoring there is no role to pass", () => {
  const off = synthFleet({ context: { fleet: { monitoringIntervalSeconds: 0 } } });
  const offStatements = (
    resourceWith(off.template, "AWS::IAM::ManagedPolicy").Properties.PolicyDocument as { Statement: Statement[] }
  ).Statement;
  expect(offStatements.flatMap((st) => list(st.Action))).not.toContain("iam:PassRole");
});
