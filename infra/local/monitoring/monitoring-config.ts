/**
 * The local CloudWatch's settings, parsed once from the environment with zod
 * so a bad value fails at startup naming the variable (as config.ts does for
 * the engine). The README's configuration table lists each variable.
 */
import { z } from "zod";

const seconds = (max: number) => z.coerce.number().positive().max(max);

const envSchema = z.object({
  /** How often the collector samples every instance (RDS publishes every 60 s; finer is Enhanced Monitoring's range). */
  RDSDECK_METRICS_INTERVAL_SECONDS: seconds(60).default(10),
  /** How often Performance Insights takes pg_stat_statements' deltas and publishes DBLoad (RDS: every minute). */
  RDSDECK_INSIGHTS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
  /** How long metric data is kept, in memory and on disk. */
  RDSDECK_METRICS_RETENTION_HOURS: z.coerce
    .number()
    .min(24)
    .max(24 * 15)
    .default(25),
  /** How often every alarm is evaluated. */
  RDSDECK_ALARM_EVALUATION_SECONDS: seconds(60).default(10),
  /** Where alarm notifications are POSTed, SNS-style; unset: kept and listed only. */
  RDSDECK_ALARM_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Attempts per notification, the first included. */
  RDSDECK_ALARM_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** Delay before the first retry; doubled for each further one. */
  RDSDECK_ALARM_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  /** Distinct custom (PutMetricData) series kept. */
  RDSDECK_METRICS_MAX_CUSTOM_SERIES: z.coerce.number().int().min(1).max(100_000).default(2_000),
  /** Size of the metric log past which PutMetricData is refused. */
  RDSDECK_METRICS_MAX_DISK_MB: z.coerce.number().int().min(16).max(100_000).default(512),
});

export const monitoringEnvVarNames = Object.keys(envSchema.shape);

export interface MonitoringConfig {
  readonly collectIntervalMs: number;
  readonly insightsIntervalMs: number;
  readonly retentionMs: number;
  readonly evaluationIntervalMs: number;
  readonly webhook:
    | { readonly url: string; readonly attempts: number; readonly backoffMs: number; readonly timeoutMs: number }
    | undefined;
  readonly maxCustomSeries: number;
  readonly maxLogBytes: number;
}

export class MonitoringConfigError extends Error {}

export function loadMonitoringConfig(env: Record<string, string | undefined> = process.env): MonitoringConfig {
  // An empty variable means unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new MonitoringConfigError(
      `Invalid ${name}: ${issue?.message ?? "bad value"} (got ${JSON.stringify(env[name])})`,
    );
  }
  const e = parsed.data;
  return {
    collectIntervalMs: e.RDSDECK_METRICS_INTERVAL_SECONDS * 1000,
    insightsIntervalMs: e.RDSDECK_INSIGHTS_INTERVAL_SECONDS * 1000,
    retentionMs: e.RDSDECK_METRICS_RETENTION_HOURS * 3_600_000,
    evaluationIntervalMs: e.RDSDECK_ALARM_EVALUATION_SECONDS * 1000,
    webhook: e.RDSDECK_ALARM_WEBHOOK_URL
      ? {
          url: e.RDSDECK_ALARM_WEBHOOK_URL,
          attempts: e.RDSDECK_ALARM_WEBHOOK_ATTEMPTS,
          backoffMs: e.RDSDECK_ALARM_WEBHOOK_BACKOFF_MS,
          timeoutMs: 5_000,
        }
      : undefined,
    maxCustomSeries: e.RDSDECK_METRICS_MAX_CUSTOM_SERIES,
    maxLogBytes: e.RDSDECK_METRICS_MAX_DISK_MB * 1024 * 1024,
  };
}
