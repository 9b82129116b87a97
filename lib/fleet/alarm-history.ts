import "server-only";
import { type AlarmHistoryItem, type CloudWatchClient, DescribeAlarmHistoryCommand } from "@aws-sdk/client-cloudwatch";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";

export type AlarmHistoryEntry = {
  time: Date;
  /** StateUpdate, ConfigurationUpdate or Action, as CloudWatch types them. */
  type: string;
  summary: string;
};

/** The most history the page shows; CloudWatch keeps 30 days of it. */
const MAX_ENTRIES = 100;

/** An alarm's history, newest first: state changes, edits and notifications. Throws Unavailable. */
export async function alarmHistory({
  name,
  client = getCloudWatchClient(),
}: {
  name: string;
  client?: CloudWatchClient;
}): Promise<AlarmHistoryEntry[]> {
  const items = await callCloudWatch({ operation: "DescribeAlarmHistory" }, async () => {
    const all: AlarmHistoryItem[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new DescribeAlarmHistoryCommand({
          AlarmName: name,
          AlarmTypes: ["MetricAlarm"],
          ScanBy: "TimestampDescending",
          MaxRecords: MAX_ENTRIES - all.length,
          NextToken,
        }),
      );
      all.push(...(page.AlarmHistoryItems ?? []));
      NextToken = page.NextToken;
    } while (NextToken && all.length < MAX_ENTRIES);
    return all;
  });
  return items
    .filter((item): item is AlarmHistoryItem & { Timestamp: Date } => item.Timestamp instanceof Date)
    .map((item) => ({
      time: item.Timestamp,
      type: item.HistoryItemType ?? "Unknown",
      summary: item.HistorySummary ?? "",
    }));
}
