/**
 * Alarms on a real fleet through @aws-sdk/client-cloudwatch (JSON 1.0):
 * CloudWatch's documented evaluation (M of N, each TreatMissingData mode) on
 * custom metrics with crafted timestamps, SetAlarmState, history, the local
 * topic's notifications and their webhook delivery with retries.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DisableAlarmActionsCommand,
  EnableAlarmActionsCommand,
  type MetricAlarm,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type StateValue,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signedRequest } from "../api/cloudwatch/test-support/signed-request";
import { cloudWatchClient } from "../monitoring/cloudwatch-client";
import { eventually, startTempFleet, type TempFleet } from "../test-support/temp-fleet";
import { type Expected, GUIDE, MODES } from "./test-support/missing-data-guide";

let f: TempFleet;
let cw: CloudWatchClient;
let webhook: Server;
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let failuresLeft = 2;
const TOPIC = "arn:aws:sns:us-east-1:000000000000:production-rds-alerts";
const MINUTE = 60_000;

beforeAll(async () => {
  webhook = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      // The first deliveries fail, as an endpoint that is briefly down would.
      res.writeHead(failuresLeft-- > 0 ? 503 : 200).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  process.env.RDSDECK_ALARM_WEBHOOK_URL = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/alerts`;
  process.env.RDSDECK_ALARM_WEBHOOK_BACKOFF_MS = "50";
  process.env.RDSDECK_ALARM_EVALUATION_SECONDS = "1";
  process.env.RDSDECK_METRICS_INTERVAL_SECONDS = "5";
  f = await startTempFleet();
  cw = cloudWatchClient(f);
});
afterAll(async () => {
  cw?.destroy();
  await f?.cleanup();
  await new Promise((resolve) => webhook?.close(resolve));
});

const describeAlarm = async (name: string): Promise<MetricAlarm> => {
  const { MetricAlarms = [] } = await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }));
  const alarm = MetricAlarms[0];
  if (!alarm) throw new Error(`no alarm ${name}`);
  return alarm;
};

const stateOf = async (name: string): Promise<StateValue | undefined> => (await describeAlarm(name)).StateValue;

/** Crafted timestamps sit in whole minutes; keep clear of a minute boundary so the evaluation range does not move mid-test. */
async function awayFromMinuteBoundary(): Promise<number> {
  const into = Date.now() % MINUTE;
  if (into > 40_000) await new Promise((r) => setTimeout(r, MINUTE - into + 500));
  return Math.floor(Date.now() / MINUTE) * MINUTE;
}

describe("the fleet's default alarms", () => {
  test("exist from the first boot: the seed's two on the writer, replica lag per replica, free storage per instance", async () => {
    const { MetricAlarms = [] } = await cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "production" }));
    expect(
      MetricAlarms.map((a) => [a.AlarmName, a.MetricName, a.Dimensions?.[0]?.Value, a.ComparisonOperator, a.Threshold]),
    ).toEqual([
      ["production-myapp-free-storage-space", "FreeStorageSpace", "production-myapp", "LessThanThreshold", 2147483648],
      [
        "production-myapp-replica-1-free-storage-space",
        "FreeStorageSpace",
        "production-myapp-replica-1",
        "LessThanThreshold",
        2147483648,
      ],
      [
        "production-myapp-replica-1-replica-lag",
        "ReplicaLag",
        "production-myapp-replica-1",
        "GreaterThanThreshold",
        60,
      ],
      [
        "production-myapp-replica-2-free-storage-space",
        "FreeStorageSpace",
        "production-myapp-replica-2",
        "LessThanThreshold",
        2147483648,
      ],
      [
        "production-myapp-replica-2-replica-lag",
        "ReplicaLag",
        "production-myapp-replica-2",
        "GreaterThanThreshold",
        60,
      ],
      ["production-rds-cpu-utilization", "CPUUtilization", "production-myapp", "GreaterThanThreshold", 80],
      ["production-rds-database-connections", "DatabaseConnections", "production-myapp", "GreaterThanThreshold", 80],
    ]);
    expect(MetricAlarms.find((a) => a.AlarmName === "production-rds-cpu-utilization")).toMatchObject({
      Namespace: "AWS/RDS",
      Statistic: "Average",
      Period: 300,
      EvaluationPeriods: 2,
      TreatMissingData: "missing",
      ActionsEnabled: true,
      AlarmActions: [TOPIC],
      AlarmArn: "arn:aws:cloudwatch:us-east-1:000000000000:alarm:production-rds-cpu-utilization",
    });
  });
});

describe("evaluation follows CloudWatch's documented semantics", () => {
  test("every row of the missing-data tables, M of N and each TreatMissingData mode, on 60 s periods", async () => {
    const minute = await awayFromMinuteBoundary();
    const cases = GUIDE.flatMap(([m, n, pattern, results], row) =>
      MODES.map((mode, i) => ({
        m,
        n,
        pattern,
        mode,
        expected: results[i] as Expected,
        name: `guide-${row}-${mode}`,
        metric: `Guide${row}`,
      })),
    );
    for (const [row, [, , pattern]] of GUIDE.entries()) {
      const values = pattern.split(" ");
      const data = values.flatMap((c, i) =>
        c === "-"
          ? []
          : [{ MetricName: `Guide${row}`, Timestamp: new Date(minute - (5 - i) * MINUTE), Value: c === "X" ? 10 : 1 }],
      );
      if (data.length > 0) await cw.send(new PutMetricDataCommand({ Namespace: "Rdsdeck/Guide", MetricData: data }));
    }
    for (const c of cases) {
      await cw.send(
        new PutMetricAlarmCommand({
          AlarmName: c.name,
          Namespace: "Rdsdeck/Guide",
          MetricName: c.metric,
          Statistic: "Maximum",
          Period: 60,
          EvaluationPeriods: c.n,
          DatapointsToAlarm: c.m,
          Threshold: 5,
          ComparisonOperator: "GreaterThanThreshold",
          TreatMissingData: c.mode,
        }),
      );
      // A state the evaluation must leave (or, for "retain", keep): every outcome is then a visible change or its absence.
      const probe: StateValue = c.expected === "ALARM" || c.expected === "retain" ? "OK" : "ALARM";
      await cw.send(new SetAlarmStateCommand({ AlarmName: c.name, StateValue: probe, StateReason: "probe" }));
    }
    await eventually(
      async () => {
        const { MetricAlarms = [] } = await cw.send(
          new DescribeAlarmsCommand({ AlarmNamePrefix: "guide-", MaxRecords: 100 }),
        );
        const state = new Map(MetricAlarms.map((a) => [a.AlarmName, a]));
        return cases.every((c) => c.expected === "retain" || state.get(c.name)?.StateValue === c.expected)
          ? true
          : undefined;
      },
      10_000,
      "every guide alarm in its expected state",
    );
    await new Promise((r) => setTimeout(r, 2_500));
    const { MetricAlarms = [] } = await cw.send(
      new DescribeAlarmsCommand({ AlarmNamePrefix: "guide-", MaxRecords: 100 }),
    );
    const actual = cases.map((c) => {
      const alarm = MetricAlarms.find((a) => a.AlarmName === c.name);
      const retained = alarm?.StateValue === "OK" && alarm.StateReason === "probe";
      return `${c.m}/${c.n} ${c.pattern} ${c.mode}: ${c.expected === "retain" ? (retained ? "retain" : alarm?.StateValue) : alarm?.StateValue}`;
    });
    expect(actual).toEqual(cases.map((c) => `${c.m}/${c.n} ${c.pattern} ${c.mode}: ${c.expected}`));
    expect((await describeAlarm("guide-6-missing")).StateReason).toMatch(
      /^Threshold Crossed: 2 out of the last 3 datapoints \[10\.0 \(\d\d\/\d\d\/\d\d \d\d:\d\d:00\), 10\.0 \(.+\)\] were greater than the threshold \(5\.0\) \(minimum 2 datapoints for OK -> ALARM transition\)\.$/,
    );
    expect(JSON.parse((await describeAlarm("guide-6-missing")).StateReasonData ?? "{}")).toMatchObject({
      version: "1.0",
      statistic: "Maximum",
      period: 60,
      threshold: 5,
      recentDatapoints: [1, 10, 10],
    });
  });
});

describe("actions, history and notifications", () => {
  test("a transition notifies the local topic, is kept, listed, and POSTed to the webhook after its retries", async () => {
    const minute = await awayFromMinuteBoundary();
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "queue-depth",
        AlarmDescription: "Queue too deep",
        Namespace: "Rdsdeck/App",
        MetricName: "QueueDepth",
        Dimensions: [{ Name: "Queue", Value: "jobs" }],
        Statistic: "Average",
        Period: 60,
        EvaluationPeriods: 2,
        Threshold: 100,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        AlarmActions: [TOPIC],
        OKActions: [TOPIC],
      }),
    );
    await cw.send(
      new PutMetricDataCommand({
        Namespace: "Rdsdeck/App",
        MetricData: [1, 2].map((k) => ({
          MetricName: "QueueDepth",
          Dimensions: [{ Name: "Queue", Value: "jobs" }],
          Timestamp: new Date(minute - k * MINUTE),
          Value: 150,
        })),
      }),
    );
    await eventually(
      async () => ((await stateOf("queue-depth")) === "ALARM" ? true : undefined),
      10_000,
      "queue-depth in ALARM",
    );

    const { AlarmHistoryItems = [] } = await cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: "queue-depth", ScanBy: "TimestampAscending" }),
    );
    expect(AlarmHistoryItems.map((h) => [h.HistoryItemType, h.HistorySummary])).toEqual([
      ["ConfigurationUpdate", 'Alarm "queue-depth" created'],
      ["StateUpdate", "Alarm updated from INSUFFICIENT_DATA to ALARM"],
      ["Action", `Successfully executed action ${TOPIC}`],
    ]);

    const listed = await eventually(
      async () => {
        const { response, bytes } = await signedRequest(f.info.apiUrl, {
          method: "GET",
          path: "/_rdsdeck/notifications",
          credentials: f.engine.credentials.aws,
          query: "AlarmName=queue-depth",
        });
        expect(response.status).toBe(200);
        const body = JSON.parse(new TextDecoder().decode(bytes)) as { Notifications: Array<Record<string, unknown>> };
        const first = body.Notifications[0] as { Delivery?: { state: string } } | undefined;
        return first?.Delivery?.state === "delivered" ? body.Notifications : undefined;
      },
      10_000,
      "the notification delivered to the webhook",
    );
    expect(listed).toHaveLength(1);
    const notification = listed[0] as Record<string, unknown>;
    expect(notification).toMatchObject({
      Type: "Notification",
      TopicArn: TOPIC,
      Subject: 'ALARM: "queue-depth" in US East (N. Virginia)',
      AlarmName: "queue-depth",
      NewStateValue: "ALARM",
      Delivery: { state: "delivered", attempts: 3 },
    });
    const message = JSON.parse(String(notification.Message));
    expect(Object.keys(message)).toEqual([
      "AlarmName",
      "AlarmDescription",
      "AWSAccountId",
      "AlarmConfigurationUpdatedTimestamp",
      "NewStateValue",
      "NewStateReason",
      "StateChangeTime",
      "Region",
      "AlarmArn",
      "OldStateValue",
      "OKActions",
      "AlarmActions",
      "InsufficientDataActions",
      "Trigger",
    ]);
    expect(message).toMatchObject({
      AlarmName: "queue-depth",
      AlarmDescription: "Queue too deep",
      AWSAccountId: "000000000000",
      NewStateValue: "ALARM",
      OldStateValue: "INSUFFICIENT_DATA",
      Region: "US East (N. Virginia)",
      NewStateReason: expect.stringMatching(/^Threshold Crossed: 2 out of the last 2 datapoints/),
      StateChangeTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      Trigger: {
        MetricName: "QueueDepth",
        Namespace: "Rdsdeck/App",
        StatisticType: "Statistic",
        Statistic: "AVERAGE",
        Unit: null,
        Dimensions: [{ value: "jobs", name: "Queue" }],
        Period: 60,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        Threshold: 100,
        TreatMissingData: "missing",
        EvaluateLowSampleCountPercentile: "",
      },
    });
    // Two refusals, then the delivery: the same document each time, as SNS posts it.
    const posts = received.filter((r) => r.headers["x-amz-sns-message-id"] === notification.MessageId);
    expect(posts).toHaveLength(3);
    expect(posts[2]?.headers).toMatchObject({ "x-amz-sns-message-type": "Notification", "x-amz-sns-topic-arn": TOPIC });
    expect(JSON.parse(posts[2]?.body ?? "{}")).toMatchObject({
      Type: "Notification",
      MessageId: notification.MessageId,
      Message: notification.Message,
    });
  });

  test("SetAlarmState holds until the next evaluation, which sets the state back from the data", async () => {
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: "queue-depth", StateValue: "OK", StateReason: "testing the pager" }),
    );
    await eventually(
      async () => {
        const { AlarmHistoryItems = [] } = await cw.send(
          new DescribeAlarmHistoryCommand({ AlarmName: "queue-depth", HistoryItemType: "StateUpdate" }),
        );
        return AlarmHistoryItems.length >= 3 ? AlarmHistoryItems : undefined;
      },
      10_000,
      "the state set back by an evaluation",
    );
    const { AlarmHistoryItems = [] } = await cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: "queue-depth", HistoryItemType: "StateUpdate" }),
    );
    expect(AlarmHistoryItems.slice(0, 2).map((h) => h.HistorySummary)).toEqual([
      "Alarm updated from OK to ALARM",
      "Alarm updated from ALARM to OK",
    ]);
    expect(JSON.parse(AlarmHistoryItems[1]?.HistoryData ?? "{}")).toMatchObject({
      newState: { stateValue: "OK", stateReason: "testing the pager" },
    });
  });

  test("with actions disabled a transition notifies nobody; enabled again, it does", async () => {
    const count = async () => {
      const { bytes } = await signedRequest(f.info.apiUrl, {
        method: "GET",
        path: "/_rdsdeck/notifications",
        credentials: f.engine.credentials.aws,
        query: "AlarmName=queue-depth&MaxRecords=100",
      });
      return (JSON.parse(new TextDecoder().decode(bytes)) as { Notifications: unknown[] }).Notifications.length;
    };
    await eventually(
      async () => ((await stateOf("queue-depth")) === "ALARM" ? true : undefined),
      10_000,
      "back in ALARM",
    );
    const before = await count();
    await cw.send(new DisableAlarmActionsCommand({ AlarmNames: ["queue-depth", "no-such-alarm"] }));
    expect((await describeAlarm("queue-depth")).ActionsEnabled).toBe(false);
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: "queue-depth", StateValue: "INSUFFICIENT_DATA", StateReason: "quiet" }),
    );
    await eventually(
      async () => ((await stateOf("queue-depth")) === "ALARM" ? true : undefined),
      10_000,
      "back in ALARM",
    );
    expect(await count()).toBe(before);
    await cw.send(new EnableAlarmActionsCommand({ AlarmNames: ["queue-depth"] }));
    await cw.send(new SetAlarmStateCommand({ AlarmName: "queue-depth", StateValue: "OK", StateReason: "loud" }));
    await eventually(
      async () => ((await count()) >= before + 2 ? true : undefined),
      10_000,
      "OK and ALARM notifications",
    );
  });
});

describe("describing and deleting alarms", () => {
  test("by state, by metric, paged, and deleted all or nothing", async () => {
    // Two alarms whose state cannot drift with the clock: their metric never gets a datapoint, so
    // "breaching" holds them in ALARM and "notBreaching" in OK (the guide's "- - - - -" row).
    for (const treat of ["breaching", "notBreaching"] as const) {
      await cw.send(
        new PutMetricAlarmCommand({
          AlarmName: `by-state-${treat}`,
          Namespace: "Rdsdeck/ByState",
          MetricName: "NeverReported",
          Statistic: "Maximum",
          Period: 10,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: "GreaterThanThreshold",
          TreatMissingData: treat,
        }),
      );
    }
    const alarming = await eventually(
      async () => {
        const { MetricAlarms = [] } = await cw.send(
          new DescribeAlarmsCommand({ StateValue: "ALARM", AlarmNamePrefix: "by-state-" }),
        );
        return MetricAlarms.length > 0 ? MetricAlarms : undefined;
      },
      15_000,
      "the breaching alarm in ALARM",
    );
    expect(alarming.map((a) => a.AlarmName)).toEqual(["by-state-breaching"]);
    const { MetricAlarms: ok = [] } = await cw.send(
      new DescribeAlarmsCommand({ StateValue: "OK", AlarmNamePrefix: "by-state-" }),
    );
    expect(ok.map((a) => a.AlarmName)).toEqual(["by-state-notBreaching"]);
    const forMetric = await cw.send(
      new DescribeAlarmsForMetricCommand({
        Namespace: "Rdsdeck/App",
        MetricName: "QueueDepth",
        Dimensions: [{ Name: "Queue", Value: "jobs" }],
      }),
    );
    expect(forMetric.MetricAlarms?.map((a) => a.AlarmName)).toEqual(["queue-depth"]);
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await cw.send(
        new DescribeAlarmsCommand({ AlarmNamePrefix: "guide-1", MaxRecords: 3, NextToken: token }),
      );
      names.push(...(page.MetricAlarms ?? []).map((a) => a.AlarmName ?? ""));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual([...names].sort());
    // guide-1-* and guide-10-*, four modes each.
    expect(names).toHaveLength(8);
    await expect(
      cw.send(new DeleteAlarmsCommand({ AlarmNames: ["queue-depth", "no-such-alarm"] })),
    ).rejects.toMatchObject({
      name: "ResourceNotFound",
      $metadata: { httpStatusCode: 404 },
    });
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ["queue-depth"] }));
    expect((await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["queue-depth"] }))).MetricAlarms).toEqual([]);
    const { AlarmHistoryItems = [] } = await cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: "queue-depth", MaxRecords: 1 }),
    );
    expect(AlarmHistoryItems[0]?.HistorySummary).toBe('Alarm "queue-depth" deleted');
  });
});
