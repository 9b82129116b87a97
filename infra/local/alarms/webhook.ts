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
 * attempt, and the URL's origin only: user:password goes as Basic auth (never
 * in a URL fetch could quote in its error), and the path may be the secret
 * itself (a Slack-style https://hooks.example/services/T…/B…/<token>).
 */
export async function deliverToWebhook(
  notification: SnsNotification & { readonly AlarmName: string },
  options: WebhookOptions,
  log: WebhookLogger,
  stop: AbortSignal,
): Promise<DeliveryResult> {
  const { AlarmName, ...envelope } = notification;
  const body = JSON.stringify(envelope);
  const { target, authorization, secrets } = splitCredentials(options.url);
  let lastError = "";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (stop.aborted) return { delivered: false, attempts: attempt - 1, aborted: true };
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: {
          ...(authorization ? { authorization } : {}),
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
      lastError = scrub(error instanceof Error ? `${error.name}: ${error.message}` : String(error), secrets);
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

/** The URL to POST to without its user:password, which becomes a Basic Authorization header. */
function splitCredentials(url: string): { target: string; authorization?: string; secrets: string[] } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { target: url, secrets: [url] };
  }
  const secrets = [url, parsed.pathname, parsed.search, parsed.password, decodeURIComponent(parsed.password)];
  if (!parsed.username && !parsed.password) return { target: url, secrets };
  const user = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = "";
  parsed.password = "";
  return {
    target: parsed.toString(),
    authorization: `Basic ${Buffer.from(user).toString("base64")}`,
    secrets: [...secrets, parsed.toString()],
  };
}

/** An error's text with every secret part of the URL taken out (fetch quotes URLs in some of its errors). */
function scrub(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 1)
    .sort((a, b) => b.length - a.length)
    .reduce((kept, secret) => kept.replaceAll(secret, "…"), text);
}

/** What a log line may say of the webhook: its origin (scheme, host, port), never credentials, path or query. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname === "/" && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
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
