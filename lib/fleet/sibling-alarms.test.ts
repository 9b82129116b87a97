/** Default alarms for an instance created from the dashboard, copied from its siblings through the real SDK. */
import { DescribeAlarmsCommand, type MetricAlarm, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defineFleet } from "@/infra/fleet";
import { alertsTopicArn, defaultAlarms } from "@/infra/local/alarms/default-alarms";
import {
  type CloudWatchTestServer,
  startCloudWatchTestServer,
} from "@/infra/local/api/cloudwatch/test-support/cloudwatch-test-server";
import { stubLocalAwsEnv } from "@/lib/test-support/local-aws-env";
import { addSiblingAlarms } from "./sibling-alarms";

const fleet = defineFleet();
const TOPIC = alertsTopicArn(fleet, "000000000000");

let server: CloudWatchTestServer;
const client = () => server.client();

beforeAll(async () => {
  server = await startCloudWatchTestServer();
  stubLocalAwsEnv(server.url);
  // The fleet's own alarms, as the local engine creates them at first boot (and the CDK stack on AWS).
  for (const a of defaultAlarms(fleet, TOPIC)) {
    await client().send(
      new PutMetricAlarmCommand({
        ...a,
        OKActions: [...a.OKActions],
        AlarmActions: [...a.AlarmActions],
        InsufficientDataActions: [...a.InsufficientDataActions],
        Dimensions: a.Dimensions.map((d) => ({ ...d })),
        Unit: undefined,
      }),
    );
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const alarm = async (name: string): Promise<MetricAlarm | undefined> =>
  (await client().send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0];

describe("addSiblingAlarms", () => {
  it("gives a new replica free-storage and replica-lag alarms like its siblings', aimed at it", async () => {
    const created = await addSiblingAlarms({ instance: "ops-replica", replica: true, client: client() });
    expect(created).toEqual(["ops-replica-free-storage-space", "ops-replica-replica-lag"]);
    expect(await alarm("ops-replica-replica-lag")).toMatchObject({
      Namespace: "AWS/RDS",
      MetricName: "ReplicaLag",
      Dimensions: [{ Name: "DBInstanceIdentifier", Value: "ops-replica" }],
      Statistic: "Average",
      Period: fleet.alarms.periodSeconds,
      EvaluationPeriods: fleet.alarms.evaluationPeriods,
      Threshold: fleet.alarms.replicaLagSeconds,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "missing",
      ActionsEnabled: true,
      AlarmActions: [TOPIC],
      StateValue: "INSUFFICIENT_DATA",
    });
    const storage = await alarm("ops-replica-free-storage-space");
    expect(storage).toMatchObject({
      MetricName: "FreeStorageSpace",
      Dimensions: [{ Name: "DBInstanceIdentifier", Value: "ops-replica" }],
      Threshold: fleet.alarms.freeStorageSpaceBytes,
      ComparisonOperator: "LessThanThreshold",
      AlarmActions: [TOPIC],
    });
    expect(storage?.AlarmDescription).toContain("ops-replica");
    expect(storage?.AlarmDescription).not.toContain("production-myapp");
  });

  it("gives a restored (standalone) instance free storage only, and never replaces an alarm that exists", async () => {
    expect(await addSiblingAlarms({ instance: "restored-db", replica: false, client: client() })).toEqual([
      "restored-db-free-storage-space",
    ]);
    await client().send(
      new PutMetricAlarmCommand({
        ...(await alarm("restored-db-free-storage-space")),
        AlarmName: "restored-db-free-storage-space",
        Threshold: 123,
      } as PutMetricAlarmCommand["input"]),
    );
    expect(await addSiblingAlarms({ instance: "restored-db", replica: false, client: client() })).toEqual([]);
    expect((await alarm("restored-db-free-storage-space"))?.Threshold).toBe(123);
  });

  it("creates nothing for a kind no sibling has, and copies only alarms named as the fleet names them", async () => {
    const bare = await startCloudWatchTestServer();
    try {
      await bare.client().send(
        new PutMetricAlarmCommand({
          AlarmName: "someone-elses-lag-alarm",
          Namespace: "AWS/RDS",
          MetricName: "ReplicaLag",
          Dimensions: [{ Name: "DBInstanceIdentifier", Value: "production-myapp-replica-1" }],
          Statistic: "Maximum",
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 5,
          ComparisonOperator: "GreaterThanThreshold",
        }),
      );
      expect(await addSiblingAlarms({ instance: "lonely", replica: true, client: bare.client() })).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
