/**
 * The IAM managed policy for the rdsdeck dashboard: exactly the RDS,
 * CloudWatch, Performance Insights, Secrets Manager and KMS calls rdsdeck makes, scoped to this
 * fleet wherever the Service Authorization Reference lets an action take a
 * resource ARN. Attach it to the role or user rdsdeck runs as.
 *
 * The fleet's resources are recognised by name: instances and manual
 * snapshots are `<writer>` or start with `<writer>-` (the writer's replicas,
 * and what rdsdeck restores or snapshots, must be named so), automated
 * snapshots start with `rds:<writer>-`, alarms with `<env>-rds-` or `<writer>-`.
 */
import { ArnFormat, Stack, Validations } from "aws-cdk-lib";
import { Effect, type IRole, ManagedPolicy, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import { type Fleet, fleetNames } from "../../fleet";
import { nagFindingValue } from "./nag-findings";

export interface DashboardPolicyProps {
  fleet: Fleet;
  parameterGroupName: string;
  subnetGroupName: string;
  monitoringRole?: IRole;
  dataKey: IKey;
  masterSecret: ISecret;
  alertsTopic: ITopic;
}

export class DashboardPolicy extends Construct {
  readonly policy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: DashboardPolicyProps) {
    super(scope, id);
    const { fleet } = props;
    const stack = Stack.of(this);
    const names = fleetNames(fleet);
    const arn = (service: string, resource: string, resourceName: string) =>
      stack.formatArn({ service, resource, resourceName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });

    const instances = [arn("rds", "db", names.writer), arn("rds", "db", `${names.writer}-*`)];
    const manualSnapshots = [arn("rds", "snapshot", `${names.writer}-*`)];
    const automatedSnapshots = [arn("rds", "snapshot", `rds:${names.writer}-*`)];
    // Automated backups are named by RDS ("ab-…"), never by the fleet: they cannot be scoped by name.
    const automatedBackups = [arn("rds", "auto-backup", "*")];
    const alarms = [
      arn("cloudwatch", "alarm", `${fleet.environment}-rds-*`),
      arn("cloudwatch", "alarm", `${names.writer}-*`),
    ];
    // A new replica or restored instance also names its parameter, subnet and
    // (default) option group; RDS authorizes each of them.
    const newInstanceDependencies = [
      arn("rds", "pg", props.parameterGroupName),
      arn("rds", "subgrp", props.subnetGroupName),
      arn("rds", "og", `default:postgres-${fleet.engineMajorVersion}`),
    ];
    const fleetParameterGroups = [arn("rds", "pg", `${names.writer}-*`)];
    const viaService = (service: string) => ({
      StringEquals: { "kms:ViaService": `${service}.${stack.region}.amazonaws.com` },
    });

    const statements = [
      new PolicyStatement({
        sid: "DiscoverInstancesAndSnapshots",
        // rdsdeck discovers the fleet with unfiltered Describe calls, which RDS
        // authorizes against every instance and snapshot of the account and region.
        actions: ["rds:DescribeDBInstances", "rds:DescribeDBSnapshots"],
        resources: [arn("rds", "db", "*"), arn("rds", "snapshot", "*")],
      }),
      new PolicyStatement({
        sid: "ReadAutomatedBackups",
        // The snapshots page lists every automated backup, active and retained, with its restore window.
        actions: ["rds:DescribeDBInstanceAutomatedBackups"],
        resources: automatedBackups,
      }),
      new PolicyStatement({
        sid: "DeleteRetainedBackups",
        // Only a deleted instance's retained backups can be deleted (RDS refuses an active instance's).
        actions: ["rds:DeleteDBInstanceAutomatedBackup"],
        resources: automatedBackups,
      }),
      new PolicyStatement({
        sid: "ReadEvents",
        // DescribeEvents supports no resource-level permissions.
        actions: ["rds:DescribeEvents"],
        resources: ["*"],
      }),
      new PolicyStatement({
        sid: "OperateFleetInstances",
        actions: ["rds:RebootDBInstance", "rds:PromoteReadReplica", "rds:ModifyDBInstance", "rds:DeleteDBInstance"],
        resources: instances,
      }),
      new PolicyStatement({
        sid: "StopAndStartFleetInstances",
        // The instance page's Stop and Start buttons.
        actions: ["rds:StopDBInstance", "rds:StartDBInstance"],
        resources: instances,
      }),
      new PolicyStatement({
        sid: "ReadFleetLogs",
        // The log viewer lists an instance's log files and reads them (tail, follow, whole-file download).
        actions: ["rds:DescribeDBLogFiles", "rds:DownloadDBLogFilePortion"],
        resources: instances,
      }),
      new PolicyStatement({
        sid: "KeepTheWriterStackOwned",
        // The writer belongs to CloudFormation (and its deletion protection);
        // removing it is `cdk destroy`, never a dashboard click.
        effect: Effect.DENY,
        actions: ["rds:DeleteDBInstance"],
        resources: [arn("rds", "db", names.writer)],
      }),
      new PolicyStatement({
        sid: "TakeFleetSnapshots",
        actions: ["rds:CreateDBSnapshot"],
        resources: [...instances, ...manualSnapshots],
      }),
      new PolicyStatement({
        sid: "DeleteFleetSnapshots",
        actions: ["rds:DeleteDBSnapshot"],
        resources: manualSnapshots,
      }),
      new PolicyStatement({
        sid: "CreateReplicasAndRestore",
        actions: [
          "rds:CreateDBInstanceReadReplica",
          "rds:RestoreDBInstanceFromDBSnapshot",
          "rds:RestoreDBInstanceToPointInTime",
        ],
        // A point-in-time restore by SourceDbiResourceId (a deleted instance's retained backup) reads its automated backup.
        resources: [
          ...instances,
          ...manualSnapshots,
          ...automatedSnapshots,
          ...automatedBackups,
          ...newInstanceDependencies,
        ],
      }),
      new PolicyStatement({
        sid: "NeverPublicInstances",
        effect: Effect.DENY,
        actions: [
          "rds:CreateDBInstanceReadReplica",
          "rds:RestoreDBInstanceFromDBSnapshot",
          "rds:RestoreDBInstanceToPointInTime",
        ],
        resources: ["*"],
        conditions: { Bool: { "rds:PubliclyAccessible": "true" } },
      }),
      new PolicyStatement({
        sid: "ReadParameterGroups",
        // The parameter group pages list every group (the default ones included) and read their parameters.
        actions: ["rds:DescribeDBParameterGroups", "rds:DescribeDBParameters"],
        resources: [arn("rds", "pg", "*")],
      }),
      new PolicyStatement({
        sid: "ChangeFleetParameterGroups",
        // Groups made from the dashboard are named <writer>-*; the stack's own group stays CloudFormation's.
        actions: [
          "rds:CreateDBParameterGroup",
          "rds:ModifyDBParameterGroup",
          "rds:ResetDBParameterGroup",
          "rds:DeleteDBParameterGroup",
        ],
        resources: fleetParameterGroups,
      }),
      new PolicyStatement({
        sid: "UseParameterGroups",
        // ModifyDBInstance with DBParameterGroupName is authorized against the group too (the instance: OperateFleetInstances).
        actions: ["rds:ModifyDBInstance"],
        resources: [
          ...fleetParameterGroups,
          arn("rds", "pg", props.parameterGroupName),
          arn("rds", "pg", `default.postgres${fleet.engineMajorVersion}`),
        ],
      }),
      new PolicyStatement({
        sid: "TagFleetResources",
        // The instance page lists, adds and removes tags; create and restore calls that carry Tags need
        // AddTagsToResource on the new resource too.
        actions: ["rds:AddTagsToResource", "rds:ListTagsForResource", "rds:RemoveTagsFromResource"],
        resources: [...instances, ...manualSnapshots],
      }),
      new PolicyStatement({
        sid: "EncryptNewInstancesWithTheFleetKey",
        // Encrypted replicas and restores: RDS creates a grant on the caller's behalf.
        actions: ["kms:CreateGrant", "kms:DescribeKey"],
        resources: [props.dataKey.keyArn],
        conditions: viaService("rds"),
      }),
      new PolicyStatement({
        sid: "ReadMasterSecret",
        actions: ["secretsmanager:GetSecretValue"],
        resources: [props.masterSecret.secretArn],
      }),
      new PolicyStatement({
        sid: "DecryptMasterSecret",
        actions: ["kms:Decrypt"],
        resources: [props.dataKey.keyArn],
        conditions: viaService("secretsmanager"),
      }),
      new PolicyStatement({
        sid: "ReadMetrics",
        // No resource-level permissions for classic metrics.
        actions: [
          "cloudwatch:GetMetricData",
          "cloudwatch:GetMetricStatistics",
          "cloudwatch:ListMetrics",
          "cloudwatch:DescribeAlarmsForMetric",
        ],
        resources: ["*"],
      }),
      new PolicyStatement({
        sid: "ReadPerformanceInsights",
        // PI's metric-resource is metrics/<service type>/<DbiResourceId>; replicas and restores made from the
        // dashboard get resource ids nobody knows in advance, so: every RDS data source of this account and region.
        actions: [
          "pi:GetResourceMetrics",
          "pi:DescribeDimensionKeys",
          "pi:GetDimensionKeyDetails",
          "pi:ListAvailableResourceMetrics",
        ],
        resources: [
          stack.formatArn({
            service: "pi",
            resource: "metrics",
            resourceName: "rds/*",
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
      new PolicyStatement({
        sid: "ReadAlarms",
        // The alarms page lists alarms unfiltered.
        actions: ["cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"],
        resources: [arn("cloudwatch", "alarm", "*")],
      }),
      new PolicyStatement({
        sid: "ManageFleetAlarms",
        actions: [
          "cloudwatch:DeleteAlarms",
          "cloudwatch:SetAlarmState",
          "cloudwatch:EnableAlarmActions",
          "cloudwatch:DisableAlarmActions",
        ],
        resources: alarms,
      }),
      new PolicyStatement({
        sid: "PutFleetAlarmsNotifyingOnlyTheAlertsTopic",
        actions: ["cloudwatch:PutMetricAlarm"],
        resources: alarms,
        conditions: { "ForAllValues:StringEquals": { "cloudwatch:AlarmActions": [props.alertsTopic.topicArn] } },
      }),
    ];
    if (props.monitoringRole) {
      statements.push(
        new PolicyStatement({
          sid: "PassMonitoringRoleToNewInstances",
          // New replicas and restores get Enhanced Monitoring like the rest of the fleet.
          actions: ["iam:PassRole"],
          resources: [props.monitoringRole.roleArn],
        }),
      );
    }

    this.policy = new ManagedPolicy(this, "Policy", {
      managedPolicyName: `${fleet.environment}-rdsdeck-dashboard`,
      description: `rdsdeck dashboard for the ${fleet.environment} RDS fleet: least privilege`,
      statements,
    });
    acknowledgeWildcards(this.policy, statements);
  }
}

/** Why each statement that names a wildcard resource needs it. */
const WILDCARD_EVIDENCE: Record<string, string> = {
  DiscoverInstancesAndSnapshots:
    "Unfiltered DescribeDBInstances/DescribeDBSnapshots are authorized against db:* and snapshot:* of this account and region; read-only.",
  ReadAutomatedBackups:
    "Automated backups are named by RDS (auto-backup:ab-…), not by the fleet; listing them is read-only.",
  DeleteRetainedBackups:
    "Automated backups are named by RDS (auto-backup:ab-…), not by the fleet; RDS deletes only retained ones, never an active instance's.",
  ReadEvents: "rds:DescribeEvents has no resource types in the Service Authorization Reference, so it takes only *.",
  ReadMetrics:
    "GetMetricData, GetMetricStatistics, ListMetrics and DescribeAlarmsForMetric take no resource ARN for AWS/RDS metrics.",
  ReadPerformanceInsights:
    "PI data sources are named by RDS's DbiResourceId (metrics/rds/db-…), unknown in advance for replicas and restores; read-only.",
  ReadAlarms: "The alarms page lists alarms unfiltered; DescribeAlarms/DescribeAlarmHistory are read-only.",
  NeverPublicInstances: "A Deny: it narrows every grant above, whatever the resource.",
  OperateFleetInstances:
    "Fleet instances are the writer and every instance named <writer>-* (its replicas and restores).",
  KeepTheWriterStackOwned: "A Deny on the writer alone.",
  StopAndStartFleetInstances:
    "Fleet instances are the writer and every instance named <writer>-* (its replicas and restores); RDS itself refuses to stop replicas and their sources.",
  ReadFleetLogs:
    "Fleet instances are the writer and every instance named <writer>-*; their logs are read-only (and may hold SQL text, so no other instance's).",
  TakeFleetSnapshots: "Fleet instances and manual snapshots are named <writer>-*.",
  DeleteFleetSnapshots: "Manual snapshots of the fleet are named <writer>-*.",
  CreateReplicasAndRestore:
    "New instances and their snapshots are the fleet's, named <writer>-* or rds:<writer>-*; automated backups are named by RDS (auto-backup:ab-…).",
  ReadParameterGroups:
    "The parameter group pages list groups unfiltered (default ones included); DescribeDBParameterGroups/DescribeDBParameters are read-only.",
  ChangeFleetParameterGroups: "Parameter groups made from the dashboard are named <writer>-*.",
  UseParameterGroups: "An instance may use a fleet group (named <writer>-*), the stack's group or the default one.",
  TagFleetResources: "Only the fleet's instances and manual snapshots, named <writer> or <writer>-*.",
  ManageFleetAlarms: "The fleet's alarms are named <env>-rds-* or <writer>-*.",
  PutFleetAlarmsNotifyingOnlyTheAlertsTopic:
    "The fleet's alarms are named <env>-rds-* or <writer>-*, notifying only its topic.",
};

function acknowledgeWildcards(policy: ManagedPolicy, statements: PolicyStatement[]) {
  const stack = Stack.of(policy);
  const acknowledged = new Set<string>();
  for (const statement of statements) {
    for (const resource of statement.resources.filter((r) => r.includes("*"))) {
      const reason = statement.sid ? WILDCARD_EVIDENCE[statement.sid] : undefined;
      if (!reason) throw new Error(`statement ${statement.sid} has wildcard ${resource} without evidence`);
      const id = `AwsSolutions-IAM5[Resource::${nagFindingValue(stack, resource)}]`;
      if (acknowledged.has(id)) continue;
      acknowledged.add(id);
      Validations.of(policy).acknowledge({ id, reason });
    }
  }
}
