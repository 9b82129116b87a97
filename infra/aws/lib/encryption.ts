/**
 * The fleet's customer-managed KMS keys. Two keys, because the principals that
 * may use them differ: the data key protects what is in the database (storage,
 * snapshots, Performance Insights, the master secret, PostgreSQL logs); the
 * alerts key lets CloudWatch publish to the encrypted SNS topic and must never
 * be able to decrypt data.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";
import type { Fleet } from "../../fleet";

export class FleetKeys extends Construct {
  readonly data: Key;
  readonly alerts: Key;

  constructor(scope: Construct, id: string, fleet: Fleet) {
    super(scope, id);
    const stack = Stack.of(this);

    this.data = new Key(this, "DataKey", {
      alias: `alias/${fleet.environment}/rds-data`,
      description: `${fleet.environment} RDS fleet: storage, snapshots, Performance Insights, master secret, logs`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      // Deleting this key makes every snapshot of the fleet unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts the PostgreSQL and flow-log groups with it, only
    // for log groups of this account and region.
    this.data.addToResourcePolicy(
      new PolicyStatement({
        sid: "AllowCloudWatchLogsOfThisAccount",
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        resources: ["*"],
        conditions: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": stack.formatArn({
              service: "logs",
              resource: "log-group",
              resourceName: "*",
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );

    this.alerts = new Key(this, "AlertsKey", {
      alias: `alias/${fleet.environment}/rds-alerts`,
      description: `${fleet.environment} RDS fleet: the alerts SNS topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms cannot publish to a topic encrypted with the AWS managed
    // SNS key; they need these two actions on a customer-managed key.
    this.alerts.addToResourcePolicy(
      new PolicyStatement({
        sid: "AllowCloudWatchAlarmsToPublish",
        principals: [new ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
      }),
    );
  }
}
