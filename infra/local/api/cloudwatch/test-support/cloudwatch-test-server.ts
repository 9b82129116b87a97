import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { AwsQueryProtocol, AwsSmithyRpcV2CborProtocol } from "@aws-sdk/core/protocols";
import { AlarmRegistry } from "../../../alarms/alarm-registry";
import { NotificationLog } from "../../../alarms/notification-log";
import { AlarmNotifier } from "../../../alarms/notifier";
import { MetricLog } from "../../../metrics/metric-log";
import { MetricStore } from "../../../metrics/metric-store";
import { createAwsApiServer } from "../../server";
import { InMemoryRdsBackend } from "../../test-support/fleet-fixture";
import { CREDENTIALS, REGION } from "../../test-support/test-server";
import type { CloudWatchBackend } from "../cloudwatch-backend";

export type WireProtocol = "json" | "cbor" | "query";

export interface CloudWatchTestServer {
  readonly url: string;
  readonly backend: CloudWatchBackend;
  readonly dir: string;
  /** The real SDK client, speaking the given protocol (JSON 1.0, its default, unless told otherwise). */
  client(protocol?: WireProtocol): CloudWatchClient;
  close(): Promise<void>;
}

/** Metrics and alarms of their own in `dir`, as the monitoring process has them, with `now` as their clock. */
export function cloudWatchTestBackend(dir: string, now: () => number): CloudWatchBackend {
  const metrics = new MetricStore({
    retentionMs: 25 * 3_600_000,
    maxCustomSeries: 50,
    maxLogBytes: 64 * 1024 * 1024,
    log: new MetricLog(path.join(dir, "metrics")),
    now,
  });
  const notifications = new NotificationLog(dir, now);
  const notifier = new AlarmNotifier({
    region: REGION,
    accountId: "000000000000",
    log: notifications,
    webhook: undefined,
    logger: { warn: () => {}, error: () => {} },
    now,
  });
  const alarms = new AlarmRegistry({ dir, region: REGION, accountId: "000000000000", notifier, now });
  return { metrics, alarms, notifications, now };
}

/**
 * The API server with a CloudWatch backend of its own in a temporary
 * directory (no fleet): the protocol layer's tests need metrics and alarms,
 * not postgres. `now` moves the backend's clock.
 */
export async function startCloudWatchTestServer(options: { now?: () => number } = {}): Promise<CloudWatchTestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-cw-"));
  const backend = cloudWatchTestBackend(dir, options.now ?? Date.now);
  const server = createAwsApiServer({
    host: "127.0.0.1",
    port: 0,
    region: REGION,
    credentials: CREDENTIALS,
    rds: new InMemoryRdsBackend([]),
    cloudwatch: backend,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  const { url } = await server.listen();
  const clients: CloudWatchClient[] = [];
  return {
    url,
    backend,
    dir,
    client: (protocol = "json") => {
      const client = new CloudWatchClient({
        endpoint: url,
        region: REGION,
        credentials: CREDENTIALS,
        maxAttempts: 1,
        ...(protocol === "cbor" ? { protocol: AwsSmithyRpcV2CborProtocol } : {}),
        ...(protocol === "query" ? { protocol: AwsQueryProtocol } : {}),
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const c of clients) c.destroy();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
