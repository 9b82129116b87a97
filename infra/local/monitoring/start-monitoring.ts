import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Fleet } from "../../fleet";
import { AlarmRegistry } from "../alarms/alarm-registry";
import { AlarmScheduler } from "../alarms/alarm-scheduler";
import { alertsTopicArn, defaultAlarms } from "../alarms/default-alarms";
import { NotificationLog } from "../alarms/notification-log";
import { AlarmNotifier } from "../alarms/notifier";
import type { CloudWatchBackend } from "../api/cloudwatch/cloudwatch-backend";
import type { PerformanceInsightsBackend } from "../api/pi/pi-backend";
import { LOCAL_ACCOUNT_ID } from "../engine/db-instance-arn";
import type { FleetEngine } from "../engine/fleet-engine";
import { allocatedBytes } from "../engine/storage-bytes";
import { InsightsJournal } from "../insights/insights-journal";
import { InsightsSampler } from "../insights/insights-sampler";
import { MetricsCollector } from "../metrics/collector";
import { MetricLog } from "../metrics/metric-log";
import { MetricStore } from "../metrics/metric-store";
import { FleetInstances } from "./fleet-instances";
import { loadMonitoringConfig, type MonitoringConfig } from "./monitoring-config";
import { publishDbLoad } from "./publish-db-load";

export interface MonitoringLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface Monitoring {
  readonly cloudwatch: CloudWatchBackend;
  readonly collector: MetricsCollector;
  /** Performance Insights: the per-second session sampler and what it keeps, served by the PI API. */
  readonly insights: InsightsSampler;
  readonly performanceInsights: PerformanceInsightsBackend;
  readonly scheduler: AlarmScheduler;
  readonly notifier: AlarmNotifier;
  readonly config: MonitoringConfig;
  stop(): Promise<void>;
}

const MAINTENANCE_MS = 5 * 60_000;
const FLUSH_MS = 1_000;

/**
 * The local CloudWatch behind a running engine: the metric store (reloaded
 * from <dataDir>/cloudwatch/metrics), the collector, the alarms (the fleet's
 * defaults created on first boot), their scheduler and the local topic.
 */
export async function startMonitoring(options: {
  engine: FleetEngine;
  fleet: Fleet;
  dataDir: string;
  logger: MonitoringLogger;
  env?: Record<string, string | undefined>;
}): Promise<Monitoring> {
  const { engine, fleet, logger } = options;
  const config = loadMonitoringConfig(options.env);
  const now = () => Date.now();
  const dir = path.join(options.dataDir, "cloudwatch");
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const log = new MetricLog(path.join(dir, "metrics"));
  const store = new MetricStore({
    retentionMs: config.retentionMs,
    maxCustomSeries: config.maxCustomSeries,
    maxLogBytes: config.maxLogBytes,
    log,
    now,
  });
  const loaded = store.load();
  if (loaded.skipped > 0) logger.warn({ skipped: loaded.skipped }, "unreadable metric log lines skipped");

  const notifications = new NotificationLog(dir, now);
  const notifier = new AlarmNotifier({
    region: fleet.region,
    accountId: LOCAL_ACCOUNT_ID,
    log: notifications,
    webhook: config.webhook,
    logger,
    now,
  });
  const alarms = new AlarmRegistry({ dir, region: fleet.region, accountId: LOCAL_ACCOUNT_ID, notifier, now });
  alarms.createDefaults(defaultAlarms(fleet, alertsTopicArn(fleet, LOCAL_ACCOUNT_ID)));
  notifier.resumePending();

  const instances = new FleetInstances(engine, readFileSync(path.join(options.dataDir, "tls", "ca.crt"), "utf8"));
  const collector = new MetricsCollector({
    store,
    instances: () => instances.list(),
    allocatedStorageBytes: (instanceId) =>
      allocatedBytes(
        engine.config,
        fleet,
        engine.state.instances.find((i) => i.id === instanceId),
      ),
    storageScale: 1024 ** 3 / engine.config.storageGibBytes,
    intervalMs: config.collectIntervalMs,
    onError: repeatLimited((error, instanceId) =>
      logger.warn({ instance: instanceId, err: error }, "metrics of an instance could not be collected"),
    ),
    now,
  });
  const insights = new InsightsSampler({
    // The records, not engine.instances(): this runs every second and needs only ids and the serving node.
    instances: () =>
      engine.state.instances.map((i) => {
        const node = engine.nodeServing(i.id);
        // StopDBInstance shuts it down on purpose: not sampled from the moment it is stopping until it is available.
        const status = engine.status(i.id);
        const paused = status === "stopping" || status === "stopped" || status === "starting";
        return {
          id: i.id,
          dbiResourceId: i.dbiResourceId,
          node:
            node?.postmaster.running && !i.pending && !paused ? { name: node.name, address: node.address } : undefined,
        };
      }),
    admin: engine.credentials.admin,
    caCertPem: readFileSync(path.join(options.dataDir, "tls", "ca.crt"), "utf8"),
    database: fleet.databaseName,
    statementsIntervalMs: config.insightsIntervalMs,
    publishLoad: (load) => publishDbLoad(store, load),
    journal: new InsightsJournal(path.join(options.dataDir, "insights")),
    onError: repeatLimited((error, instanceId) =>
      logger.warn({ instance: instanceId, err: error }, "Performance Insights could not sample an instance"),
    ),
    now,
  });
  if (insights.journalSkipped > 0)
    logger.warn({ skipped: insights.journalSkipped }, "unreadable Performance Insights journal lines skipped");
  const scheduler = new AlarmScheduler({
    registry: alarms,
    store,
    intervalMs: config.evaluationIntervalMs,
    now,
    onError: (error, alarmName) => logger.error({ alarm: alarmName, err: error }, "alarm evaluation failed"),
  });
  collector.start();
  insights.start();
  scheduler.start();
  const flush = setInterval(() => {
    log.flush().catch((error: unknown) => logger.error({ err: error }, "metric log append failed"));
  }, FLUSH_MS);
  const maintain = setInterval(() => {
    store.maintain();
    alarms.history.prune();
  }, MAINTENANCE_MS);
  logger.info({ records: loaded.records, alarms: alarms.size }, "local CloudWatch started");

  let stopping: Promise<void> | undefined;
  return {
    cloudwatch: { metrics: store, alarms, notifications, now },
    collector,
    insights,
    performanceInsights: { insightsOf: (id) => insights.insightsOf(id), now },
    scheduler,
    notifier,
    config,
    stop: () => {
      stopping ??= (async () => {
        clearInterval(flush);
        clearInterval(maintain);
        scheduler.stop();
        await collector.stop();
        await insights.stop();
        await instances.close();
        await notifier.stop();
        await log.close();
      })();
      return stopping;
    },
  };
}

/**
 * A failed instance fails every tick: log a new error at once, the same one
 * again at most once a minute, so the log says what happened without
 * repeating it every ten seconds.
 */
function repeatLimited(log: (error: unknown, key: string) => void): (error: unknown, key: string) => void {
  const last = new Map<string, { message: string; at: number }>();
  return (error, key) => {
    const message = error instanceof Error ? error.message : String(error);
    const now = Date.now();
    const previous = last.get(key);
    if (previous && previous.message === message && now - previous.at < 60_000) return;
    last.set(key, { message, at: now });
    log(error, key);
  };
}
