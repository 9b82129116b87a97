import { directoryBytes } from "./directory-size";
import type { MetricStore } from "./metric-store";
import { metricIdentity, valueRecord } from "./metric-types";
import type { NodeSample } from "./node-queries";
import { CLOCK_TICKS_PER_SECOND, CPU_COUNT, memAvailableBytes, serverCpuTicks } from "./proc-stats";
import { RDS_DIMENSION, RDS_METRIC_UNITS, RDS_NAMESPACE, type RdsMetricName } from "./rds-metrics";

/** The physical node serving an instance right now (the writer instance: its current primary, never the standby). */
export interface CollectedNode {
  readonly name: string;
  readonly pgData: string;
  readonly postmasterPid: number | undefined;
  sample(): Promise<NodeSample>;
}

export interface CollectedInstance {
  readonly id: string;
  readonly kind: "writer" | "replica";
  readonly node: CollectedNode | undefined;
}

export interface CollectorOptions {
  readonly store: MetricStore;
  readonly instances: () => readonly CollectedInstance[];
  /** An instance's allocated storage now (ModifyDBInstance grows it), which its FreeStorageSpace is measured against. */
  readonly allocatedStorageBytes: (instanceId: string) => number;
  /**
   * Reported bytes per real byte of free storage: 1, unless the local fleet
   * lets an allocated GiB stand for fewer real bytes (RDSDECK_STORAGE_GIB_BYTES),
   * when FreeStorageSpace is reported on the allocation's scale, so that a
   * "20 GiB" instance reports up to 20 GiB free and byte thresholds (the free
   * storage alarm's) keep their meaning.
   */
  readonly storageScale?: number;
  readonly intervalMs: number;
  /**
   * How often FreeStorageSpace walks each data directory: the walk costs a few
   * ms per node, RDS itself reports storage once a minute, so once a minute
   * (and on the first tick) is enough.
   */
  readonly storageIntervalMs?: number;
  readonly onError: (error: unknown, instanceId: string) => void;
  readonly now?: () => number;
}

/** The previous reading of a node's cumulative counters, to turn them into rates. */
interface Previous {
  readonly at: number;
  readonly pid: number | undefined;
  readonly cpuTicks: number | undefined;
  readonly sample: NodeSample | undefined;
}

/**
 * Publishes every instance's RDS metrics once per interval: one query per
 * node over a kept-open connection and a handful of /proc reads; the data
 * directory is walked for FreeStorageSpace once a minute. Rates (CPU, IOPS, throughput, WAL generation) need two
 * readings, so they start on the second tick and restart after a node
 * restarts. Ticks never overlap: the next one is scheduled when one ends.
 */
export class MetricsCollector {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly previous = new Map<string, Previous>();
  private readonly storageMeasuredAt = new Map<string, number>();
  private readonly now: () => number;
  /** CPU time the collector itself spent, for `npm run bench:metrics`. */
  cpuMicros = 0;
  ticks = 0;

  constructor(private readonly options: CollectorOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    const loop = () => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        if (this.timer) this.timer = setTimeout(loop, this.options.intervalMs);
      });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One collection round over every instance. */
  async tick(): Promise<void> {
    const before = process.cpuUsage();
    const timestamp = Math.floor(this.now() / 1000) * 1000;
    const memory = memAvailableBytes();
    await Promise.all(
      this.options
        .instances()
        .map((instance) =>
          this.collect(instance, timestamp, memory).catch((error: unknown) => this.options.onError(error, instance.id)),
        ),
    );
    const used = process.cpuUsage(before);
    this.cpuMicros += used.user + used.system;
    this.ticks++;
  }

  private async collect(instance: CollectedInstance, timestamp: number, memory: number | undefined): Promise<void> {
    const node = instance.node;
    const put = (name: RdsMetricName, value: number | undefined) => {
      if (value === undefined || !Number.isFinite(value)) return;
      this.options.store.put(
        metricIdentity(RDS_NAMESPACE, name, [{ name: RDS_DIMENSION, value: instance.id }]),
        RDS_METRIC_UNITS[name],
        [valueRecord(timestamp, value)],
        { resolution: 1, custom: false },
      );
    };
    put("FreeableMemory", memory);
    if (node === undefined) return;
    const lastStorage = this.storageMeasuredAt.get(instance.id);
    if (lastStorage === undefined || timestamp - lastStorage >= (this.options.storageIntervalMs ?? 60_000)) {
      this.storageMeasuredAt.set(instance.id, timestamp);
      put(
        "FreeStorageSpace",
        Math.max(0, this.options.allocatedStorageBytes(instance.id) - directoryBytes(node.pgData)) *
          (this.options.storageScale ?? 1),
      );
    }

    const pid = node.postmasterPid;
    const at = this.now();
    const cpuTicks = pid === undefined ? undefined : serverCpuTicks(pid);
    let sample: NodeSample | undefined;
    try {
      sample = pid === undefined ? undefined : await node.sample();
    } finally {
      const previous = this.previous.get(instance.id);
      const current: Previous = { at, pid, cpuTicks, sample };
      this.previous.set(instance.id, current);
      // A different postmaster (restart, failover) means new counters: rates restart from this reading.
      const comparable = previous !== undefined && previous.pid === pid && pid !== undefined ? previous : undefined;
      if (comparable) this.publishRates(put, comparable, current, instance.kind);
    }
    if (sample === undefined) return;
    put("DatabaseConnections", sample.connections);
    put("TransactionLogsDiskUsage", sample.walBytes);
    put("MaximumUsedTransactionIDs", sample.maxTransactionIdAge);
    if (instance.kind === "replica") put("ReplicaLag", sample.replicaLagSeconds);
    else put("OldestReplicationSlotLag", sample.oldestSlotLagBytes);
  }

  private publishRates(
    put: (name: RdsMetricName, value: number | undefined) => void,
    previous: Previous,
    current: Previous,
    kind: "writer" | "replica",
  ): void {
    const seconds = (current.at - previous.at) / 1000;
    if (seconds <= 0) return;
    if (previous.cpuTicks !== undefined && current.cpuTicks !== undefined && current.cpuTicks >= previous.cpuTicks) {
      const cpuSeconds = (current.cpuTicks - previous.cpuTicks) / CLOCK_TICKS_PER_SECOND;
      put("CPUUtilization", Math.min(100, (cpuSeconds / (seconds * CPU_COUNT)) * 100));
    }
    const a = previous.sample;
    const b = current.sample;
    if (a === undefined || b === undefined) return;
    const rate = (x: number, y: number) => (y >= x ? (y - x) / seconds : undefined);
    put("ReadIOPS", rate(a.ioReads, b.ioReads));
    put("WriteIOPS", rate(a.ioWrites, b.ioWrites));
    put("ReadThroughput", rate(a.ioReadBytes, b.ioReadBytes));
    put("WriteThroughput", rate(a.ioWriteBytes, b.ioWriteBytes));
    if (kind === "writer" && a.walPositionBytes !== undefined && b.walPositionBytes !== undefined) {
      put("TransactionLogsGeneration", rate(a.walPositionBytes, b.walPositionBytes));
    }
  }
}
