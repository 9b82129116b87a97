/**
 * The CloudWatch API in each wire protocol: the real SDK switched between
 * JSON 1.0 (its default), RPC v2 CBOR and Query, then raw requests in the
 * exact shapes botocore and older clients send.
 */
import { gzipSync } from "node:zlib";
import {
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
} from "@aws-sdk/client-cloudwatch";
import { cbor, dateToTag } from "@smithy/core/cbor";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FORM_CONTENT_TYPE } from "../test-support/signed-fetch";
import { parseQueryError } from "../test-support/xml";
import {
  type CloudWatchTestServer,
  startCloudWatchTestServer,
  type WireProtocol,
} from "./test-support/cloudwatch-test-server";
import { signedRequest } from "./test-support/signed-request";

let server: CloudWatchTestServer;
beforeAll(async () => {
  server = await startCloudWatchTestServer();
});
afterAll(async () => server?.close());

const MINUTE = 60_000;
const minuteStart = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;
const xml = new XMLParser({ parseTagValue: false });
const CBOR_PATH = (op: string) => `/service/GraniteServiceVersion20100801/operation/${op}`;
const CBOR_HEADERS = {
  "smithy-protocol": "rpc-v2-cbor",
  "content-type": "application/cbor",
  accept: "application/cbor",
};

describe.each(["json", "cbor", "query"] as const)("the SDK speaking %s", (protocol: WireProtocol) => {
  const dimension = { Name: "Protocol", Value: protocol };

  test("PutMetricData values and statistic sets, read back by GetMetricData, GetMetricStatistics and ListMetrics", async () => {
    const client = server.client(protocol);
    await client.send(
      new PutMetricDataCommand({
        Namespace: "Rdsdeck/Test",
        MetricData: [
          {
            MetricName: "Latency",
            Dimensions: [dimension],
            Timestamp: new Date(minuteStart),
            Values: [10, 20, 30],
            Counts: [1, 1, 2],
            Unit: "Milliseconds",
          },
          {
            MetricName: "Latency",
            Dimensions: [dimension],
            Timestamp: new Date(minuteStart + MINUTE),
            Value: 5,
            Unit: "Milliseconds",
          },
          {
            MetricName: "Requests",
            Dimensions: [dimension],
            Timestamp: new Date(minuteStart),
            StatisticValues: { SampleCount: 4, Sum: 40, Minimum: 1, Maximum: 19 },
            Unit: "Count",
          },
        ],
      }),
    );
    const metric = { Namespace: "Rdsdeck/Test", MetricName: "Latency", Dimensions: [dimension] };
    const data = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(minuteStart),
        EndTime: new Date(minuteStart + 5 * MINUTE),
        ScanBy: "TimestampAscending",
        MetricDataQueries: [
          { Id: "avg", MetricStat: { Metric: metric, Period: 60, Stat: "Average" } },
          { Id: "p50", Label: "median", MetricStat: { Metric: metric, Period: 60, Stat: "p50" } },
          { Id: "n", MetricStat: { Metric: metric, Period: 120, Stat: "SampleCount", Unit: "Milliseconds" } },
          { Id: "hidden", ReturnData: false, MetricStat: { Metric: metric, Period: 60, Stat: "Sum" } },
        ],
      }),
    );
    expect(data.MetricDataResults).toEqual([
      {
        Id: "avg",
        Label: "Latency",
        StatusCode: "Complete",
        Timestamps: [new Date(minuteStart), new Date(minuteStart + MINUTE)],
        Values: [22.5, 5],
      },
      {
        Id: "p50",
        Label: "median",
        StatusCode: "Complete",
        Timestamps: [new Date(minuteStart), new Date(minuteStart + MINUTE)],
        Values: [20, 5],
      },
      { Id: "n", Label: "Latency", StatusCode: "Complete", Timestamps: [new Date(minuteStart)], Values: [5] },
    ]);

    const stats = await client.send(
      new GetMetricStatisticsCommand({
        Namespace: "Rdsdeck/Test",
        MetricName: "Requests",
        Dimensions: [dimension],
        StartTime: new Date(minuteStart),
        EndTime: new Date(minuteStart + 2 * MINUTE),
        Period: 60,
        Statistics: ["Average", "Sum", "Minimum", "Maximum", "SampleCount"],
      }),
    );
    expect(stats).toMatchObject({
      Label: "Requests",
      Datapoints: [
        {
          Timestamp: new Date(minuteStart),
          Average: 10,
          Sum: 40,
          Minimum: 1,
          Maximum: 19,
          SampleCount: 4,
          Unit: "Count",
        },
      ],
    });

    const listed = await client.send(
      new ListMetricsCommand({ Namespace: "Rdsdeck/Test", Dimensions: [{ Name: "Protocol", Value: protocol }] }),
    );
    expect(listed.Metrics?.map((m) => m.MetricName)).toEqual(["Latency", "Requests"]);
  });

  test("invalid requests raise CloudWatch's error codes", async () => {
    const client = server.client(protocol);
    const error = await client
      .send(
        new GetMetricDataCommand({
          StartTime: new Date(minuteStart),
          EndTime: new Date(minuteStart + MINUTE),
          MetricDataQueries: [{ Id: "e", Expression: "SEARCH('{AWS/RDS} CPUUtilization', 'Average')" }],
        }),
      )
      .catch(
        (e: unknown) => e as { name: string; Code?: string; message: string; $metadata: { httpStatusCode?: number } },
      );
    expect(error).toMatchObject({
      name: "ValidationException",
      message: expect.stringContaining(
        "Error in expression e: The function SEARCH is not supported by the local CloudWatch",
      ),
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe("raw RPC v2 CBOR, as botocore sends it", () => {
  test("GetMetricData: CBOR body with tagged timestamps in, CBOR out with the smithy-protocol header", async () => {
    await server.client().send(
      new PutMetricDataCommand({
        Namespace: "Rdsdeck/Cbor",
        MetricData: [{ MetricName: "Depth", Timestamp: new Date(minuteStart), Value: 7 }],
      }),
    );
    const body = cbor.serialize({
      MetricDataQueries: [
        {
          Id: "q",
          MetricStat: { Metric: { Namespace: "Rdsdeck/Cbor", MetricName: "Depth" }, Period: 60, Stat: "Maximum" },
        },
      ],
      StartTime: dateToTag(new Date(minuteStart)),
      EndTime: dateToTag(new Date(minuteStart + MINUTE)),
    });
    const { response, bytes } = await signedRequest(server.url, {
      path: CBOR_PATH("GetMetricData"),
      headers: { ...CBOR_HEADERS, "x-amzn-query-mode": "true" },
      body: Uint8Array.from(body),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("smithy-protocol")).toBe("rpc-v2-cbor");
    expect(response.headers.get("content-type")).toBe("application/cbor");
    const decoded = cbor.deserialize(bytes) as {
      MetricDataResults: Array<{ Id: string; Values: number[]; Timestamps: unknown[] }>;
    };
    expect(decoded.MetricDataResults[0]).toMatchObject({ Id: "q", Values: [7], StatusCode: "Complete" });
    const [timestamp] = decoded.MetricDataResults[0]?.Timestamps ?? [];
    expect(timestamp).toMatchObject({ tag: 1, value: minuteStart / 1000 });
  });

  test.each([
    [
      "an unknown operation",
      CBOR_PATH("DescribeAnomalyDetectors"),
      CBOR_HEADERS,
      cbor.serialize({}),
      404,
      "UnknownOperationException",
    ],
    [
      "no smithy-protocol header",
      CBOR_PATH("ListMetrics"),
      { "content-type": "application/cbor" },
      cbor.serialize({}),
      400,
      "SerializationException",
    ],
    [
      "a body that is not CBOR",
      CBOR_PATH("ListMetrics"),
      CBOR_HEADERS,
      new TextEncoder().encode("{not cbor"),
      400,
      "SerializationException",
    ],
    [
      "a missing required member",
      CBOR_PATH("SetAlarmState"),
      CBOR_HEADERS,
      cbor.serialize({ AlarmName: "a", StateValue: "OK" }),
      400,
      "com.amazonaws.cloudwatch#MissingRequiredParameterException",
    ],
  ])("%s → %i %s, in CBOR", async (_, path, headers, body, status, type) => {
    const { response, bytes } = await signedRequest(server.url, { path, headers, body: Uint8Array.from(body) });
    expect(response.status).toBe(status);
    expect(response.headers.get("smithy-protocol")).toBe("rpc-v2-cbor");
    expect(cbor.deserialize(bytes)).toMatchObject({ __type: type, message: expect.any(String) });
  });
});

describe("raw AWS JSON 1.0 and Query", () => {
  test("a JSON error carries the shape in __type and the Query code in x-amzn-query-error", async () => {
    const { response, bytes } = await signedRequest(server.url, {
      headers: {
        "x-amz-target": "GraniteServiceVersion20100801.DeleteAlarms",
        "content-type": "application/x-amz-json-1.0",
      },
      body: JSON.stringify({ AlarmNames: ["no-such-alarm"] }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-amzn-query-error")).toBe("ResourceNotFound;Sender");
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({
      __type: "com.amazonaws.cloudwatch#ResourceNotFound",
      message: "The following alarms were not found: [no-such-alarm]",
    });
  });

  test("a wrong signature is answered in JSON to a JSON client", async () => {
    const { response, bytes } = await signedRequest(server.url, {
      headers: {
        "x-amz-target": "GraniteServiceVersion20100801.ListMetrics",
        "content-type": "application/x-amz-json-1.0",
      },
      body: "{}",
      secretAccessKey: "wrong",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-query-error")).toBe("SignatureDoesNotMatch;Sender");
    expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ __type: "SignatureDoesNotMatch" });
  });

  test("a Query form body, as older SDKs and CLIs send it, answers XML with CloudWatch's namespace", async () => {
    const form = new URLSearchParams({
      Action: "PutMetricData",
      Version: "2010-08-01",
      Namespace: "Rdsdeck/Query",
      "MetricData.member.1.MetricName": "Hits",
      "MetricData.member.1.Value": "3",
      "MetricData.member.1.Timestamp": new Date(minuteStart).toISOString(),
      "MetricData.member.1.Dimensions.member.1.Name": "Page",
      "MetricData.member.1.Dimensions.member.1.Value": "home",
    });
    const put = await signedRequest(server.url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: form.toString(),
    });
    expect(put.response.status).toBe(200);
    const query = new URLSearchParams({
      Action: "GetMetricStatistics",
      Version: "2010-08-01",
      Namespace: "Rdsdeck/Query",
      MetricName: "Hits",
      "Dimensions.member.1.Name": "Page",
      "Dimensions.member.1.Value": "home",
      StartTime: new Date(minuteStart).toISOString(),
      EndTime: new Date(minuteStart + MINUTE).toISOString(),
      Period: "60",
      "ExtendedStatistics.member.1": "p90",
    });
    const { response, bytes } = await signedRequest(server.url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: query.toString(),
    });
    expect(response.status).toBe(200);
    const doc = xml.parse(new TextDecoder().decode(bytes));
    expect(doc.GetMetricStatisticsResponse.GetMetricStatisticsResult).toEqual({
      Label: "Hits",
      Datapoints: {
        member: {
          Timestamp: new Date(minuteStart).toISOString(),
          Unit: "None",
          ExtendedStatistics: { entry: { key: "p90", value: "3" } },
        },
      },
    });
  });

  test.each([
    ["Action=ListMetrics&Version=2010-08-01&NextToken=bogus", 400, "InvalidNextToken"],
    [
      "Action=GetMetricStatistics&Version=2010-08-01&Namespace=A&MetricName=B&StartTime=2025-01-01T00:00:00Z&EndTime=2025-01-01T01:00:00Z&Period=60",
      400,
      "InvalidParameterCombination",
    ],
    [
      "Action=PutMetricData&Version=2010-08-01&Namespace=AWS/RDS&MetricData.member.1.MetricName=X&MetricData.member.1.Value=1",
      400,
      "InvalidParameterValue",
    ],
    ["Action=SetAlarmState&Version=2010-08-01&AlarmName=a&StateValue=OK", 400, "MissingParameter"],
    [
      "Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=a&AlarmNamePrefix=b",
      400,
      "InvalidParameterCombination",
    ],
    [
      "Action=PutMetricAlarm&Version=2010-08-01&AlarmName=a&Namespace=N&MetricName=M&Statistic=Average&Period=45&EvaluationPeriods=1&Threshold=1&ComparisonOperator=GreaterThanThreshold",
      400,
      "ValidationError",
    ],
  ])("Query %s → %i %s", async (body, status, code) => {
    const { response, bytes } = await signedRequest(server.url, {
      headers: { "content-type": FORM_CONTENT_TYPE },
      body,
    });
    expect(response.status).toBe(status);
    expect(parseQueryError(new TextDecoder().decode(bytes))).toMatchObject({
      xmlns: "http://monitoring.amazonaws.com/doc/2010-08-01/",
      type: "Sender",
      code,
    });
  });

  test("a gzip-compressed PutMetricData, as the SDKs send large ones, is read", async () => {
    const body = gzipSync(JSON.stringify({ Namespace: "Rdsdeck/Gzip", MetricData: [{ MetricName: "Z", Value: 1 }] }));
    const { response } = await signedRequest(server.url, {
      headers: {
        "x-amz-target": "GraniteServiceVersion20100801.PutMetricData",
        "content-type": "application/x-amz-json-1.0",
        "content-encoding": "gzip",
      },
      body: Uint8Array.from(body),
    });
    expect(response.status).toBe(200);
    const listed = await server.client().send(new ListMetricsCommand({ Namespace: "Rdsdeck/Gzip" }));
    expect(listed.Metrics).toEqual([{ Namespace: "Rdsdeck/Gzip", MetricName: "Z", Dimensions: [] }]);
  });
});

describe("paging and limits", () => {
  test("GetMetricData pages by MaxDatapoints across queries and refuses a token from another request", async () => {
    const client = server.client();
    await client.send(
      new PutMetricDataCommand({
        Namespace: "Rdsdeck/Paging",
        MetricData: Array.from({ length: 5 }, (_, i) => ({
          MetricName: "P",
          Timestamp: new Date(minuteStart + i * MINUTE),
          Value: i,
        })),
      }),
    );
    const request = {
      StartTime: new Date(minuteStart),
      EndTime: new Date(minuteStart + 5 * MINUTE),
      MaxDatapoints: 3,
      MetricDataQueries: [
        { Id: "a", MetricStat: { Metric: { Namespace: "Rdsdeck/Paging", MetricName: "P" }, Period: 60, Stat: "Sum" } },
        {
          Id: "b",
          MetricStat: { Metric: { Namespace: "Rdsdeck/Paging", MetricName: "P" }, Period: 60, Stat: "Maximum" },
        },
      ],
    };
    const values: Record<string, number[]> = { a: [], b: [] };
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new GetMetricDataCommand({ ...request, NextToken: token }));
      for (const r of page.MetricDataResults ?? []) values[r.Id ?? ""]?.push(...(r.Values ?? []));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(4);
    expect(values).toEqual({ a: [4, 3, 2, 1, 0], b: [4, 3, 2, 1, 0] });

    const first = await client.send(new GetMetricDataCommand(request));
    await expect(
      client.send(new GetMetricDataCommand({ ...request, MaxDatapoints: 4, NextToken: first.NextToken })),
    ).rejects.toMatchObject({ name: "InvalidNextToken" });
  });

  test("custom series beyond the cap are refused with LimitExceeded", async () => {
    const client = server.client();
    const put = (i: number) =>
      client.send(
        new PutMetricDataCommand({ Namespace: "Rdsdeck/Cap", MetricData: [{ MetricName: `m${i}`, Value: 1 }] }),
      );
    let refused: unknown;
    for (let i = 0; i < 60 && refused === undefined; i++)
      refused = await put(i).then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(refused).toMatchObject({ name: "LimitExceededFault", Code: "LimitExceeded" });
  });
});
