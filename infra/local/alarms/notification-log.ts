import path from "node:path";
import { HISTORY_RETENTION_MS } from "./alarm-history";
import { JsonLinesFile } from "./json-lines-file";
import type { SnsNotification } from "./sns-message";

export type DeliveryState = "not-configured" | "pending" | "delivered" | "failed";

export interface WebhookDelivery {
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly lastError?: string;
  readonly deliveredAt?: string;
}

/** A notification the local topic published, with how its webhook delivery went. */
export interface StoredNotification extends SnsNotification {
  readonly AlarmName: string;
  readonly NewStateValue: string;
  readonly Delivery: WebhookDelivery;
}

type Line =
  | { readonly kind: "notification"; readonly notification: StoredNotification }
  | {
      readonly kind: "delivery";
      readonly messageId: string;
      readonly delivery: WebhookDelivery;
    };

const MAX_NOTIFICATIONS = 1_000;

/**
 * What the local topic published, newest last, durable and bounded (two
 * weeks, at most 1,000). Delivery updates are appended as their own lines
 * and folded in when the file is read.
 */
export class NotificationLog {
  private notifications: StoredNotification[] = [];
  private readonly file: JsonLinesFile<Line>;

  constructor(
    dir: string,
    private readonly now: () => number,
  ) {
    this.file = new JsonLinesFile(path.join(dir, "notifications.jsonl"), parseLine);
    const byId = new Map<string, StoredNotification>();
    for (const line of this.file.read()) {
      if (line.kind === "notification") byId.set(line.notification.MessageId, line.notification);
      else {
        const found = byId.get(line.messageId);
        if (found) byId.set(line.messageId, { ...found, Delivery: line.delivery });
      }
    }
    this.notifications = [...byId.values()];
    this.prune();
  }

  add(notification: StoredNotification): void {
    this.notifications.push(notification);
    this.file.append({ kind: "notification", notification });
    if (this.notifications.length > MAX_NOTIFICATIONS * 1.1) this.prune();
  }

  updateDelivery(messageId: string, delivery: WebhookDelivery): void {
    const index = this.notifications.findIndex((n) => n.MessageId === messageId);
    const found = this.notifications[index];
    if (found === undefined) return;
    this.notifications[index] = { ...found, Delivery: delivery };
    this.file.append({ kind: "delivery", messageId, delivery });
  }

  /** Oldest first. */
  all(): readonly StoredNotification[] {
    return this.notifications;
  }

  private prune(): void {
    const oldest = this.now() - HISTORY_RETENTION_MS;
    this.notifications = this.notifications.filter((n) => Date.parse(n.Timestamp) >= oldest).slice(-MAX_NOTIFICATIONS);
    this.file.compact(this.notifications.map((notification) => ({ kind: "notification", notification })));
  }
}

function parseLine(value: unknown): Line | undefined {
  const line = value as Partial<{
    kind: string;
    notification: StoredNotification;
    messageId: string;
    delivery: WebhookDelivery;
  }>;
  if (line?.kind === "notification" && typeof line.notification?.MessageId === "string")
    return { kind: "notification", notification: line.notification };
  if (line?.kind === "delivery" && typeof line.messageId === "string" && typeof line.delivery?.state === "string")
    return { kind: "delivery", messageId: line.messageId, delivery: line.delivery };
  return undefined;
}
