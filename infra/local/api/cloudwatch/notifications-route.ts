import type { AwsRequest, AwsResponse } from "../aws-request";
import type { CloudWatchBackend } from "./cloudwatch-backend";
import { cloudWatchErrors } from "./cloudwatch-errors";
import { decodeToken, encodeToken } from "./operations/common";

/** Not an AWS API: the local topic's published notifications, for people, tests and the dashboard. */
export const NOTIFICATIONS_PATH = "/_rdsdeck/notifications";

/**
 * `GET /_rdsdeck/notifications[?AlarmName=…&TopicArn=…&MaxRecords=…&NextToken=…]`,
 * SigV4-signed for the "monitoring" service like any CloudWatch call. Answers
 * `{"Notifications": [...newest first], "NextToken"?}` where each item is the
 * SNS notification (Type, MessageId, TopicArn, Subject, Message, Timestamp)
 * plus AlarmName, NewStateValue and the webhook Delivery status.
 */
export function listNotifications(backend: CloudWatchBackend, request: AwsRequest): AwsResponse {
  const params = new URLSearchParams(request.rawQuery);
  const max = params.has("MaxRecords") ? Number(params.get("MaxRecords")) : 50;
  if (!Number.isInteger(max) || max < 1 || max > 100) {
    throw cloudWatchErrors.invalidParameterValue("MaxRecords must be an integer between 1 and 100.");
  }
  const token = params.get("NextToken");
  const skip = token === null ? 0 : decodeToken(token).skip;
  if (typeof skip !== "number" || !Number.isInteger(skip) || skip < 0) throw cloudWatchErrors.invalidNextToken();
  const alarmName = params.get("AlarmName");
  const topicArn = params.get("TopicArn");
  const matching = [...backend.notifications.all()]
    .reverse()
    .filter((n) => (alarmName === null || n.AlarmName === alarmName) && (topicArn === null || n.TopicArn === topicArn));
  const page = matching.slice(skip, skip + max);
  const body = {
    Notifications: page,
    ...(matching.length > skip + page.length ? { NextToken: encodeToken({ skip: skip + page.length }) } : {}),
  };
  return { status: 200, contentType: "application/json", body: JSON.stringify(body), operation: "ListNotifications" };
}
