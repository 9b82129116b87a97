import type { AlarmRegistry } from "../../alarms/alarm-registry";
import type { NotificationLog } from "../../alarms/notification-log";
import type { MetricStore } from "../../metrics/metric-store";

/**
 * What the local CloudWatch API serves from: the metric store (collector and
 * PutMetricData), the alarms with their history, and the local topic's
 * notifications. `now` is the clock the API checks timestamps against.
 */
export interface CloudWatchBackend {
  readonly metrics: MetricStore;
  readonly alarms: AlarmRegistry;
  readonly notifications: NotificationLog;
  readonly now: () => number;
}
