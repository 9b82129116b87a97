/**
 * lib/fleet's CloudWatch calls for the alarms pages, through the real SDK and
 * the local CloudWatch API (its alarm registry and metric store, no fleet).
 */
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type CloudWatchTestServer,
  startCloudWatchTestServer,
} from "@/infra/local/api/cloudwatch/test-support/cloudwatch-test-server";
import { metricIdentity, valueRecord } from "@/infra/local/metrics/metric-types";
import { Conflict, NotFound } from "@/lib/errors";
import { stubLocalAwsEnv } from "@/lib/test-support/local-aws-env";
import type { AlarmForm } from "./alarm-form";
import { alarmHistory } from "./alarm-history";
import { deleteAlarm, setAlarmActions } from "./change-alarm";
import { latestMetricValues } from "./latest-metric";
import { createAlarm, updateAlarm } from "./put-alarm";
import { readAlarm } from "./read-alarm";

const WRITER = "production-myapp";
const TOPIC = "arn:aws:sns:us-east-1:000000000000:rdsdeck-alarms";

let server: CloudWatchTestServer;
const client = () => server.client();

beforeAll(async () => {
  server = await startCloudWatchTestServer();
  stubLocalAwsEnv(server.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const form = (name: string, change: Partial<AlarmForm> = {}): AlarmForm => ({
  name,
  instance: WRITER,
  metric: "DatabaseConnections",
  comparison: "GreaterThanThreshold",
  threshold: 80,
  period: 300,
  evaluationPeriods: 2,
  ...change,
});

/** An alarm as the fleet's defaults are made: with an SNS action, a description and M of N. */
async function putSeedAlarm(name: string) {
  await client().send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      AlarmDescription: "seed alarm",
      Namespace: "AWS/RDS",
      MetricName: "CPUUtilization",
      Dimensions: [{ Name: "DBInstanceIdentifier", Value: WRITER }],
      Statistic: "Average",
      Period: 300,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      Threshold: 80,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "breaching",
      AlarmActions: [TOPIC],
      OKActions: [TOPIC],
    }),
  );
}

describe("createAlarm", () => {
  it("creates an alarm on the instance's Average that treats missing data as missing", async () => {
    await createAlarm({ alarm: form("create-one"), client: client() });
    const { alarm } = await readAlarm({ name: "create-one", client: client() });
    expect(alarm).toMatchObject({
      instance: WRITER,
      namespace: "AWS/RDS",
      metric: "DatabaseConnections",
      statistic: "Average",
      threshold: 80,
      period: 300,
      evaluationPeriods: 2,
      treatMissingData: "missing",
    });
  });

  it("refuses a name in use instead of replacing that alarm", async () => {
    await putSeedAlarm("create-taken");
    await expect(createAlarm({ alarm: form("create-taken"), client: client() })).rejects.toThrow(Conflict);
    const { alarm } = await readAlarm({ name: "create-taken", client: client() });
    expect(alarm.metric).toBe("CPUUtilization");
  });
});

describe("updateAlarm", () => {
  it("changes what the form shows and keeps everything it does not", async () => {
    await putSeedAlarm("update-seed");
    await updateAlarm({ alarm: form("update-seed", { threshold: 90, evaluationPeriods: 2 }), client: client() });
    const output = await client().send(new DescribeAlarmsCommand({ AlarmNames: ["update-seed"] }));
    expect(output.MetricAlarms?.[0]).toMatchObject({
      MetricName: "DatabaseConnections",
      Threshold: 90,
      EvaluationPeriods: 2,
      // M of N shrinks with N rather than making the alarm invalid.
      DatapointsToAlarm: 2,
      AlarmDescription: "seed alarm",
      TreatMissingData: "breaching",
      AlarmActions: [TOPIC],
      OKActions: [TOPIC],
      ActionsEnabled: true,
    });
  });

  it("throws NotFound for an alarm that does not exist, and creates nothing", async () => {
    await expect(updateAlarm({ alarm: form("update-missing"), client: client() })).rejects.toThrow(NotFound);
    await expect(readAlarm({ name: "update-missing", client: client() })).rejects.toThrow(NotFound);
  });
});

describe("setAlarmActions and deleteAlarm", () => {
  it("turns notifications off and on again", async () => {
    await putSeedAlarm("switch");
    await setAlarmActions({ name: "switch", enabled: false, client: client() });
    expect((await readAlarm({ name: "switch", client: client() })).alarm.actionsEnabled).toBe(false);
    await setAlarmActions({ name: "switch", enabled: true, client: client() });
    expect((await readAlarm({ name: "switch", client: client() })).alarm.actionsEnabled).toBe(true);
  });

  it("deletes an alarm, and says NotFound for one that is not there", async () => {
    await putSeedAlarm("to-delete");
    await deleteAlarm({ name: "to-delete", client: client() });
    await expect(readAlarm({ name: "to-delete", client: client() })).rejects.toThrow(NotFound);
    await expect(deleteAlarm({ name: "to-delete", client: client() })).rejects.toThrow(NotFound);
    await expect(setAlarmActions({ name: "to-delete", enabled: true, client: client() })).rejects.toThrow(NotFound);
  });
});

describe("alarmHistory", () => {
  it("lists an alarm's creation and edits, newest first", async () => {
    await putSeedAlarm("history");
    await updateAlarm({ alarm: form("history", { threshold: 50 }), client: client() });
    const history = await alarmHistory({ name: "history", client: client() });
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history.map((h) => h.type)).toContain("ConfigurationUpdate");
    const times = history.map((h) => h.time.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await alarmHistory({ name: "never-existed", client: client() })).toEqual([]);
  });
});

describe("latestMetricValues", () => {
  it("gives each instance its newest one-minute Maximum, and leaves out instances with none", async () => {
    const now = Date.now();
    const lag = (instance: string, secondsAgo: number, value: number) =>
      server.backend.metrics.put(
        metricIdentity("AWS/RDS", "ReplicaLag", [{ name: "DBInstanceIdentifier", value: instance }]),
        "Seconds",
        [valueRecord(now - secondsAgo * 1000, value)],
        { resolution: 1, custom: false },
      );
    lag("replica-a", 200, 9);
    lag("replica-a", 20, 0.5);
    lag("replica-b", 20, 3);
    // Older than five minutes: not "current".
    lag("replica-c", 600, 7);
    const latest = await latestMetricValues({
      metric: "ReplicaLag",
      identifiers: ["replica-a", "replica-b", "replica-c"],
      now: new Date(now),
      client: client(),
    });
    expect(Object.keys(latest).sort()).toEqual(["replica-a", "replica-b"]);
    expect(latest["replica-a"]?.value).toBe(0.5);
    expect(latest["replica-b"]?.value).toBe(3);
    expect(await latestMetricValues({ metric: "ReplicaLag", identifiers: [], client: client() })).toEqual({});
  });
});
