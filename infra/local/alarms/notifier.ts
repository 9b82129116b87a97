import type { AlarmHistoryEntry, AlarmRecord, AlarmState } from "./alarm-types";
import type { NotificationLog, StoredNotification } from "./notification-log";
import { alarmMessage, alarmSubject, snsNotification } from "./sns-message";
import { deliverToWebhook, type WebhookLogger, type WebhookOptions } from "./webhook";

export interface NotifierOptions {
  readonly region: string;
  readonly accountId: string;
  readonly log: NotificationLog;
  readonly webhook: WebhookOptions | undefined;
  readonly logger: WebhookLogger;
  readonly now: () => number;
}

const SNS_TOPIC_ARN = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256})$/;

/**
 * The local topic standing in for SNS. Any topic ARN of the local account and
 * region is a local topic: publishing keeps the notification in the
 * NotificationLog and, when a webhook is configured, POSTs it there in the
 * background. Each action returns the "Action" history item CloudWatch
 * records for it.
 */
export class AlarmNotifier {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly options: NotifierOptions) {}

  /** Runs the actions of a transition; the caller has checked that actions are enabled. */
  publish(
    alarm: AlarmRecord,
    change: { oldState: AlarmState; newState: AlarmState; reason: string; at: number },
  ): AlarmHistoryEntry[] {
    const actions =
      change.newState === "ALARM"
        ? alarm.AlarmActions
        : change.newState === "OK"
          ? alarm.OKActions
          : alarm.InsufficientDataActions;
    return actions.map((action) => this.run(alarm, change, action));
  }

  /** Resolves once every webhook delivery under way has finished. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Shutdown: deliveries under way stop and stay pending, to be resumed by the next start. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.settle();
  }

  /** Retries deliveries a previous run left pending. */
  resumePending(): void {
    for (const n of this.options.log.all()) if (n.Delivery.state === "pending") this.deliver(n);
  }

  private run(
    alarm: AlarmRecord,
    change: { oldState: AlarmState; newState: AlarmState; reason: string; at: number },
    action: string,
  ): AlarmHistoryEntry {
    const { region, accountId } = this.options;
    const at = this.options.now();
    const match = SNS_TOPIC_ARN.exec(action);
    if (match === null || match[1] !== region || match[2] !== accountId) {
      return actionEntry(alarm.AlarmName, at, `Failed to execute action ${action}`, {
        actionState: "Failed",
        stateUpdateTimestamp: change.at,
        error: `Only SNS topics of account ${accountId} in ${region} are served by the local CloudWatch`,
      });
    }
    const message = alarmMessage(alarm, change, { accountId, region });
    const notification: StoredNotification = {
      ...snsNotification(action, alarmSubject(alarm.AlarmName, change.newState, region), message, at),
      AlarmName: alarm.AlarmName,
      NewStateValue: change.newState,
      Delivery: { state: this.options.webhook ? "pending" : "not-configured", attempts: 0 },
    };
    this.options.log.add(notification);
    if (this.options.webhook) this.deliver(notification);
    return actionEntry(alarm.AlarmName, at, `Successfully executed action ${action}`, {
      actionState: "Succeeded",
      stateUpdateTimestamp: change.at,
      notificationResource: action,
      publishedMessage: { messageId: notification.MessageId, message },
    });
  }

  private deliver(notification: StoredNotification): void {
    const webhook = this.options.webhook;
    if (webhook === undefined) return;
    const task = deliverToWebhook(notification, webhook, this.options.logger, this.stopping.signal).then((result) => {
      if (result.aborted) return;
      this.options.log.updateDelivery(notification.MessageId, {
        state: result.delivered ? "delivered" : "failed",
        attempts: result.attempts,
        ...(result.lastError ? { lastError: result.lastError } : {}),
        ...(result.delivered ? { deliveredAt: new Date(this.options.now()).toISOString() } : {}),
      });
    });
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }
}

function actionEntry(alarmName: string, at: number, summary: string, data: Record<string, unknown>): AlarmHistoryEntry {
  return {
    AlarmName: alarmName,
    AlarmType: "MetricAlarm",
    Timestamp: at,
    HistoryItemType: "Action",
    HistorySummary: summary,
    HistoryData: JSON.stringify(data),
  };
}
