import type { SnsNotification } from "./sns-message";

export interface WebhookOptions {
  readonly url: string;
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Delay before the first retry; each later one doubles it. */
  readonly backoffMs: number;
  readonly timeoutMs: number;
}

export interface WebhookLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface DeliveryResult {
  readonly delivered: boolean;
  readonly attempts: number;
  readonly lastError?: string;
  /** Stopped by shutdown: neither delivered nor failed, to be resumed at the next start. */
  readonly aborted?: boolean;
}

/**
 * POSTs a notification the way SNS delivers to an HTTP(S) subscription: the
 * JSON document as a text/plain body with the x-amz-sns-* headers. Any
 * answer but 2xx, a network error or a timeout is retried with exponential
 * backoff; each failure is logged with the alarm, the message and the
 * attempt, the URL without any credentials it may carry.
 */
export async function deliverToWebhook(
  notification: SnsNotification & { readonly AlarmName: string },
  options: WebhookOptions,
  log: WebhookLogger,
  stop: AbortSignal,
): Promise<DeliveryResult> {
  const { AlarmName, ...envelope } = notification;
  const body = JSON.stringify(envelope);
  let lastError = "";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (stop.aborted) return { delivered: false, attempts: attempt - 1, aborted: true };
    try {
      const response = await fetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "text/plain; charset=UTF-8",
          "x-amz-sns-message-type": "Notification",
          "x-amz-sns-message-id": notification.MessageId,
          "x-amz-sns-topic-arn": notification.TopicArn,
          "user-agent": "rdsdeck-local-sns",
        },
        body,
        signal: AbortSignal.any([stop, AbortSignal.timeout(options.timeoutMs)]),
      });
      await response.body?.cancel();
      if (response.ok) return { delivered: true, attempts: attempt };
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      if (stop.aborted) return { delivered: false, attempts: attempt - 1, aborted: true };
      lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const final = attempt === options.attempts;
    const fields = {
      alarm: AlarmName,
      messageId: notification.MessageId,
      topic: notification.TopicArn,
      webhook: redactUrl(options.url),
      attempt,
      of: options.attempts,
      error: lastError,
    };
    if (final) log.error(fields, "alarm notification could not be delivered to the webhook");
    else {
      log.warn(fields, "alarm notification delivery failed; retrying");
      await sleep(options.backoffMs * 2 ** (attempt - 1), stop);
    }
  }
  return { delivered: false, attempts: options.attempts, lastError };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    parsed.search = parsed.search ? "?…" : "";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}

function sleep(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    stop.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      stop.removeEventListener("abort", done);
      resolve();
    }
  });
}
