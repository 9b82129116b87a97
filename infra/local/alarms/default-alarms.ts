import { type Fleet, fleetNames } from "../../fleet";
import type { AlarmConfiguration, ComparisonOperator } from "./alarm-types";

/**
 * The fleet definition's alarms, exactly as the CDK stack (infra/aws/lib/
 * alarms.ts) provisions them on AWS: the seed's CPU and connection alarms on
 * the writer, replica lag on each replica, free storage on every instance;
 * Average over the fleet's period and evaluation periods, missing data
 * treated as missing, each notifying the alerts topic on ALARM.
 */
export function defaultAlarms(fleet: Fleet, topicArn: string): AlarmConfiguration[] {
  const names = fleetNames(fleet);
  const t = fleet.alarms;
  const alarm = (
    name: string,
    description: string,
    metricName: string,
    instance: string,
    threshold: number,
    comparison: ComparisonOperator,
  ): AlarmConfiguration => ({
    AlarmName: name,
    AlarmDescription: description,
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [topicArn],
    InsufficientDataActions: [],
    Namespace: "AWS/RDS",
    MetricName: metricName,
    Dimensions: [{ Name: "DBInstanceIdentifier", Value: instance }],
    Statistic: "Average",
    Period: t.periodSeconds,
    EvaluationPeriods: t.evaluationPeriods,
    Threshold: threshold,
    ComparisonOperator: comparison,
    TreatMissingData: "missing",
  });
  return [
    alarm(
      names.alarm.cpuUtilization,
      `CPU utilization of the writer ${names.writer} above ${t.cpuUtilizationPercent} %`,
      "CPUUtilization",
      names.writer,
      t.cpuUtilizationPercent,
      "GreaterThanThreshold",
    ),
    alarm(
      names.alarm.databaseConnections,
      `Connections to the writer ${names.writer} above ${t.databaseConnections}`,
      "DatabaseConnections",
      names.writer,
      t.databaseConnections,
      "GreaterThanThreshold",
    ),
    ...names.replicas.map((replica) =>
      alarm(
        names.alarm.replicaLag(replica),
        `Replica ${replica} more than ${t.replicaLagSeconds} s behind the writer`,
        "ReplicaLag",
        replica,
        t.replicaLagSeconds,
        "GreaterThanThreshold",
      ),
    ),
    ...[names.writer, ...names.replicas].map((instance) =>
      alarm(
        names.alarm.freeStorageSpace(instance),
        `Free storage of ${instance} below ${t.freeStorageSpaceBytes} bytes`,
        "FreeStorageSpace",
        instance,
        t.freeStorageSpaceBytes,
        "LessThanThreshold",
      ),
    ),
  ];
}

export function alertsTopicArn(fleet: Fleet, accountId: string): string {
  return `arn:aws:sns:${fleet.region}:${accountId}:${fleetNames(fleet).alertsTopic}`;
}
