/**
 * The fleet's alarms and the encrypted topic they notify: every property of
 * every alarm, thresholds from the fleet definition.
 */
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, test } from "vitest";
import { resourceWith, synthFleet } from "./synth-fleet";

const s = synthFleet();
const topic = () => resourceWith(s.template, "AWS::SNS::Topic");
const instanceRef = (id: string, from = s) => ({
  Ref: resourceWith(from.template, "AWS::RDS::DBInstance", { DBInstanceIdentifier: id }).logicalId,
});

const expected = [
  ["production-rds-cpu-utilization", "CPUUtilization", "production-myapp", "GreaterThanThreshold", 80],
  ["production-rds-database-connections", "DatabaseConnections", "production-myapp", "GreaterThanThreshold", 80],
  ["production-myapp-replica-1-replica-lag", "ReplicaLag", "production-myapp-replica-1", "GreaterThanThreshold", 60],
  ["production-myapp-replica-2-replica-lag", "ReplicaLag", "production-myapp-replica-2", "GreaterThanThreshold", 60],
  ["production-myapp-free-storage-space", "FreeStorageSpace", "production-myapp", "LessThanThreshold", 2 * 1024 ** 3],
  [
    "production-myapp-replica-1-free-storage-space",
    "FreeStorageSpace",
    "production-myapp-replica-1",
    "LessThanThreshold",
    2 * 1024 ** 3,
  ],
  [
    "production-myapp-replica-2-free-storage-space",
    "FreeStorageSpace",
    "production-myapp-replica-2",
    "LessThanThreshold",
    2 * 1024 ** 3,
  ],
] as const;

describe("alarms", () => {
  test("exactly the seed's two on the writer, replica lag per replica, free storage per instance", () => {
    const names = Object.values(s.template.findResources("AWS::CloudWatch::Alarm")).map(
      (r) => (r as { Properties: { AlarmName: string } }).Properties.AlarmName,
    );
    expect(names.sort()).toEqual(expected.map(([name]) => name).sort());
  });

  test.each(expected)(
    "%s: %s of %s, %s %d, Average over 2 × 300 s, notifying the alerts topic",
    (name, metric, id, comparison, threshold) => {
      const alarm = resourceWith(s.template, "AWS::CloudWatch::Alarm", { AlarmName: name });
      expect(alarm.Properties).toEqual({
        AlarmName: name,
        AlarmDescription: expect.stringContaining(id),
        MetricName: metric,
        Namespace: "AWS/RDS",
        Dimensions: [{ Name: "DBInstanceIdentifier", Value: instanceRef(id) }],
        Statistic: "Average",
        Period: 300,
        EvaluationPeriods: 2,
        ComparisonOperator: comparison,
        Threshold: threshold,
        TreatMissingData: "missing",
        AlarmActions: [{ Ref: topic().logicalId }],
        Tags: expect.arrayContaining([{ Key: "Environment", Value: "production" }]),
      });
    },
  );

  test("thresholds, period and evaluation periods come from the fleet definition", () => {
    const tuned = synthFleet({
      context: {
        fleet: {
          alarms: {
            periodSeconds: 60,
            evaluationPeriods: 5,
            cpuUtilizationPercent: 70,
            databaseConnections: 50,
            replicaLagSeconds: 30,
            freeStorageSpaceBytes: 1024 ** 3,
          },
        },
      },
    });
    const threshold = (name: string) =>
      resourceWith(tuned.template, "AWS::CloudWatch::Alarm", { AlarmName: name }).Properties.Threshold;
    expect(threshold("production-rds-cpu-utilization")).toBe(70);
    expect(threshold("production-rds-database-connections")).toBe(50);
    expect(threshold("production-myapp-replica-1-replica-lag")).toBe(30);
    expect(threshold("production-myapp-free-storage-space")).toBe(1024 ** 3);
    tuned.template.allResourcesProperties("AWS::CloudWatch::Alarm", { Period: 60, EvaluationPeriods: 5 });
  });
});

describe("the alerts topic", () => {
  test("is encrypted with its own customer-managed key, which CloudWatch may use to publish", () => {
    const key = resourceWith(s.template, "AWS::KMS::Key", { Description: Match.stringLikeRegexp("alerts") });
    expect(topic().Properties.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [key.logicalId, "Arn"] });
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect((key.Properties.KeyPolicy as { Statement: unknown[] }).Statement).toContainEqual({
      Sid: "AllowCloudWatchAlarmsToPublish",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
    });
  });

  test("accepts only TLS publishers, and CloudWatch alarms of this account", () => {
    const policy = resourceWith(s.template, "AWS::SNS::TopicPolicy");
    const topicRef = { Ref: topic().logicalId };
    expect(policy.Properties.PolicyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowPublishThroughSSLOnly",
          Effect: "Deny",
          Principal: "*",
          Action: "sns:Publish",
          Resource: topicRef,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "AllowCloudWatchAlarmsOfThisAccount",
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: "sns:Publish",
          Resource: topicRef,
          Condition: {
            ArnLike: {
              "aws:SourceArn": {
                "Fn::Join": ["", ["arn:aws:cloudwatch:us-east-1:", { Ref: "AWS::AccountId" }, ":alarm:*"]],
              },
            },
            StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
          },
        },
      ],
    });
  });

  test("has no subscription unless alertEmail is given", () => {
    s.template.resourceCountIs("AWS::SNS::Subscription", 0);
    const withEmail = synthFleet({ context: { alertEmail: "oncall@example.com" } });
    withEmail.template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "oncall@example.com",
      TopicArn: { Ref: resourceWith(withEmail.template, "AWS::SNS::Topic").logicalId },
    });
  });
});
