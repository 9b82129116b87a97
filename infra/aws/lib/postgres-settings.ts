/**
 * What every instance of the fleet shares: the engine, the parameter group,
 * the Enhanced Monitoring role, and the CloudWatch log groups RDS exports to.
 */
import { RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import { ManagedPolicy, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import {
  DatabaseInstanceEngine,
  type IInstanceEngine,
  ParameterGroup,
  type PerformanceInsightRetention,
  PostgresEngineVersion,
} from "aws-cdk-lib/aws-rds";
import { Construct } from "constructs";
import type { Fleet } from "../../fleet";
import { nagFindingValue } from "./nag-findings";

/** `upgrade` records what a major/minor upgrade did; `postgresql` is the server log. */
export const LOG_EXPORTS = ["postgresql", "upgrade"] as const;

/**
 * The fleet's exact engine version, as an aws-cdk-lib constant so that a typo
 * or a version this CDK does not know fails the synth rather than the deploy.
 */
export function postgresEngine(fleet: Fleet): IInstanceEngine {
  const known = Object.values(PostgresEngineVersion).filter(
    (v): v is PostgresEngineVersion => v instanceof PostgresEngineVersion,
  );
  const version = known.find((v) => v.postgresFullVersion === fleet.engineVersion);
  if (!version) {
    const same = known.filter((v) => v.postgresMajorVersion === fleet.engineMajorVersion);
    throw new Error(
      `aws-cdk-lib has no PostgresEngineVersion for ${fleet.engineVersion}; known: ${same.map((v) => v.postgresFullVersion).join(", ")}`,
    );
  }
  return DatabaseInstanceEngine.postgres({ version });
}

/** Performance Insights keeps 7 days free, or whole months (31 days each) up to 2 years. */
export function performanceInsightRetention(days: number): PerformanceInsightRetention {
  const valid = days === 7 || days === 731 || (days % 31 === 0 && days >= 31 && days <= 713);
  if (!valid) throw new Error(`performanceInsightsRetentionDays must be 7, 31 × n (n ≤ 23) or 731, not ${days}`);
  return days as PerformanceInsightRetention;
}

export function fleetParameterGroup(scope: Construct, fleet: Fleet, engine: IInstanceEngine): ParameterGroup {
  return new ParameterGroup(scope, "ParameterGroup", {
    engine,
    description: `${fleet.environment} RDS fleet: TLS required, useful logging`,
    parameters: {
      // Refuse unencrypted connections (the seed's clients already use sslmode=require).
      "rds.force_ssl": "1",
      // Who connected and for how long: the first thing asked after an incident.
      log_connections: "1",
      log_disconnections: "1",
      // Slow statements (ms), lock waits, and every spill of a query to disk.
      log_min_duration_statement: "1000",
      log_lock_waits: "1",
      log_temp_files: "0",
      // Autovacuum runs longer than 10 s: the usual cause of bloat and lag surprises.
      log_autovacuum_min_duration: "10000",
      // Schema changes are audited; data statements are not (they may carry personal data).
      log_statement: "ddl",
    },
  });
}

export function enhancedMonitoringRole(scope: Construct, fleet: Fleet): Role {
  const monitoringPolicy = ManagedPolicy.fromAwsManagedPolicyName("service-role/AmazonRDSEnhancedMonitoringRole");
  const role = new Role(scope, "EnhancedMonitoringRole", {
    roleName: `${fleet.environment}-rds-enhanced-monitoring`,
    description: `${fleet.environment} RDS fleet: Enhanced Monitoring publishes OS metrics`,
    // Only this account's instances may hand the role to the monitoring service.
    assumedBy: new ServicePrincipal("monitoring.rds.amazonaws.com").withConditions({
      StringEquals: { "aws:SourceAccount": Stack.of(scope).account },
    }),
    managedPolicies: [monitoringPolicy],
  });
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM4[Policy::${nagFindingValue(Stack.of(scope), monitoringPolicy.managedPolicyArn)}]`,
    reason:
      "The policy RDS documents for Enhanced Monitoring; AWS keeps it to the RDSOSMetrics log group, as the seed attached it.",
  });
  return role;
}

/**
 * RDS creates `/aws/rds/instance/<id>/<log>` on first export, unencrypted and
 * kept forever. Creating them first gives them the fleet's key and retention
 * without a log-retention Lambda.
 */
export function exportedLogGroups(
  scope: Construct,
  id: string,
  instanceIdentifier: string,
  retention: RetentionDays,
  key: IKey,
): LogGroup[] {
  const logs = new Construct(scope, id);
  return LOG_EXPORTS.map(
    (log) =>
      new LogGroup(logs, log, {
        logGroupName: `/aws/rds/instance/${instanceIdentifier}/${log}`,
        retention,
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
      }),
  );
}
