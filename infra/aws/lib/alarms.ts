/**
 * The fleet's alarms and where they go: the seed's CPU and connection alarms
 * on the writer, replica lag on each replica, free storage on every instance,
 * all notifying one encrypted SNS topic.
 */
import { ArnFormat, Duration, Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Metric, Stats, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { IKey } from "aws-cdk-lib/aws-kms";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { type Fleet, fleetNames } from "../../fleet";
import type { Deployment } from "./context";

/** An instance to watch: its identifier as a token, so alarms follow the instance's lifecycle. */
export interface WatchedInstance {
  readonly instanceIdentifier: string;
}

export interface FleetAlarmsProps {
  fleet: Fleet;
  deployment: Deployment;
  writer: WatchedInstance;
  replicas: WatchedInstance[];
  alertsKey: IKey;
}

interface AlarmSpec {
  id: string;
  name: string;
  description: string;
  metricName: string;
  instance: WatchedInstance;
  threshold: number;
  comparison: ComparisonOperator;
}

export class FleetAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, { fleet, deployment, writer, replicas, alertsKey }: FleetAlarmsProps) {
    super(scope, id);
    const names = fleetNames(fleet);
    const stack = Stack.of(this);

    this.topic = new Topic(this, "AlertsTopic", {
      topicName: names.alertsTopic,
      displayName: `${fleet.environment} RDS alerts`,
      masterKey: alertsKey,
      enforceSSL: true,
    });
    // The topic policy that enforceSSL adds replaces SNS's default one, so
    // CloudWatch needs its own grant: alarms of this account only.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: "AllowCloudWatchAlarmsOfThisAccount",
        principals: [new ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["sns:Publish"],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            "aws:SourceArn": stack.formatArn({
              service: "cloudwatch",
              resource: "alarm",
              resourceName: "*",
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { "aws:SourceAccount": stack.account },
        },
      }),
    );
    if (deployment.alertEmail) this.topic.addSubscription(new EmailSubscription(deployment.alertEmail));

    const t = fleet.alarms;
    const specs: AlarmSpec[] = [
      {
        id: "WriterCpuUtilization",
        name: names.alarm.cpuUtilization,
        description: `CPU utilization of the writer ${names.writer} above ${t.cpuUtilizationPercent} %`,
        metricName: "CPUUtilization",
        instance: writer,
        threshold: t.cpuUtilizationPercent,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
      {
        id: "WriterDatabaseConnections",
        name: names.alarm.databaseConnections,
        description: `Connections to the writer ${names.writer} above ${t.databaseConnections}`,
        metricName: "DatabaseConnections",
        instance: writer,
        threshold: t.databaseConnections,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      },
      ...replicas.map((replica, i) => {
        const identifier = names.replicas[i] as string;
        return {
          id: `Replica${i + 1}ReplicaLag`,
          name: names.alarm.replicaLag(identifier),
          description: `Replica ${identifier} more than ${t.replicaLagSeconds} s behind the writer`,
          metricName: "ReplicaLag",
          instance: replica,
          threshold: t.replicaLagSeconds,
          comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        };
      }),
      ...[writer, ...replicas].map((instance, i) => {
        const identifier = i === 0 ? names.writer : (names.replicas[i - 1] as string);
        return {
          id: i === 0 ? "WriterFreeStorageSpace" : `Replica${i}FreeStorageSpace`,
          name: names.alarm.freeStorageSpace(identifier),
          description: `Free storage of ${identifier} below ${t.freeStorageSpaceBytes} bytes`,
          metricName: "FreeStorageSpace",
          instance,
          threshold: t.freeStorageSpaceBytes,
          comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        };
      }),
    ];

    const notify = new SnsAction(this.topic);
    this.alarms = specs.map((spec) => {
      const alarm = new Alarm(this, spec.id, {
        alarmName: spec.name,
        alarmDescription: spec.description,
        metric: new Metric({
          namespace: "AWS/RDS",
          metricName: spec.metricName,
          dimensionsMap: { DBInstanceIdentifier: spec.instance.instanceIdentifier },
          statistic: Stats.AVERAGE,
          period: Duration.seconds(t.periodSeconds),
        }),
        threshold: spec.threshold,
        evaluationPeriods: t.evaluationPeriods,
        comparisonOperator: spec.comparison,
        // As the seed: a missing datapoint neither fires nor clears an alarm.
        treatMissingData: TreatMissingData.MISSING,
      });
      alarm.addAlarmAction(notify);
      return alarm;
    });
  }
}
