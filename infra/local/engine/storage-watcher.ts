/**
 * Watches each instance's storage as RDS does: its data directory measured
 * against its allocation (the collector's directory walk, every
 * RDSDECK_STORAGE_CHECK_SECONDS). Past 90 %: RDS-EVENT-0089. At the
 * allocation: storage-full, RDS-EVENT-0007, and its nodes refuse writes
 * until a storage change (ModifyDBInstance, or storage autoscaling) gives it
 * room again. `check()` is the seam tests call between inserts.
 */
import { directoryBytes } from "../metrics/directory-size";
import type { FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";
import { reloadNodes } from "./parameters/apply-parameters";
import { StorageAutoscaling } from "./storage-autoscaling";
import { allocatedBytes, asGb } from "./storage-bytes";

/** RDS-EVENT-0089's threshold: "more than 90% of its allocated storage". */
const LOW_STORAGE_FRACTION = 0.9;

/**
 * What a storage-full instance's nodes run with. RDS for PostgreSQL accepts
 * no writes once its volume is full; the local volume has no real limit, so
 * the node itself is made read-only: every new transaction is read only, and
 * INSERT / UPDATE / DELETE / DDL fail with SQLSTATE 25006. Reads, replication
 * and the engine's own backups go on, as RDS's do. A reload is enough (no
 * restart), and the setting is in the node's config file, so it holds across
 * restarts until the storage grows.
 */
const REFUSE_WRITES = { default_transaction_read_only: "on" } as const;

export class StorageWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Instances whose storage grew: their nodes take writes again once the reload is done, then the flag goes. */
  private readonly releasing = new Set<string>();
  readonly autoscaling: StorageAutoscaling;

  constructor(private readonly ops: FleetOps) {
    this.autoscaling = new StorageAutoscaling(ops);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.ops.config.storageCheckMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** The settings a node's config file gets from its instance's storage state. */
  parametersOf(nodeName: string): Record<string, string> {
    const instance = this.ops.state.instances.find((i) => i.node.name === nodeName || i.standby?.name === nodeName);
    return instance?.storageFull && !this.releasing.has(instance.id) ? { ...REFUSE_WRITES } : {};
  }

  /** One round over every running instance; rounds never overlap. */
  check(): Promise<void> {
    if (!this.running) {
      this.running = this.round().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async round(): Promise<void> {
    for (const instance of [...this.ops.state.instances]) {
      if (this.ops.stopping) return;
      await this.checkInstance(instance).catch((error: Error) =>
        this.ops.log.warn({ instance: instance.id, err: error.message }, "could not check an instance's storage"),
      );
    }
  }

  private async checkInstance(instance: InstanceRecord): Promise<void> {
    const node = this.ops.findNode(instance.node.name);
    // Stopped, being created or deleted, or down: nothing writes to it, and its directory may be mid-copy.
    if (instance.stopped || instance.pending || !node?.postmaster.running) return;
    if (!this.ops.state.instances.includes(instance)) return;
    const used = directoryBytes(node.pgData);
    const allocated = allocatedBytes(this.ops.config, this.ops.fleet, instance);
    this.noteLowStorage(instance, used, allocated);
    if (instance.storageFull) await this.releaseIfGrown(instance, used, allocated);
    else if (used >= allocated) await this.markFull(instance);
    this.autoscaling.observe(instance, used, allocated);
  }

  private noteLowStorage(instance: InstanceRecord, used: number, allocated: number): void {
    const low = used > allocated * LOW_STORAGE_FRACTION;
    if (low === (instance.storageLow ?? false)) return;
    instance.storageLow = low || undefined;
    this.ops.saveState();
    if (!low) return;
    const gib = this.ops.config.storageGibBytes;
    const free = Math.max(0, allocated - used);
    this.ops.events.record(
      "storageLow",
      instance.id,
      `${instance.id} is low at ${Math.floor((free / allocated) * 100)}% of the provisioned storage ` +
        `[Provisioned Storage: ${asGb(allocated, gib)}, Free Storage: ${asGb(free, gib)}]. ` +
        "You may want to increase the provisioned storage to address this issue.",
    );
  }

  private async markFull(instance: InstanceRecord): Promise<void> {
    const allocatedStorage = instance.allocatedStorage ?? this.ops.fleet.allocatedStorageGiB;
    instance.storageFull = { at: this.ops.now().toISOString(), allocatedStorage };
    this.ops.saveState();
    // The event says the instance is full once its nodes really refuse writes.
    await reloadNodes(this.ops, instance);
    this.ops.events.record("storageExhausted", instance.id);
    this.ops.progress(`${instance.id}: storage-full (${allocatedStorage} GiB used); writes refused until it grows`);
  }

  private async releaseIfGrown(instance: InstanceRecord, used: number, allocated: number): Promise<void> {
    const full = instance.storageFull;
    const allocatedStorage = instance.allocatedStorage ?? this.ops.fleet.allocatedStorageGiB;
    if (!full || allocatedStorage <= full.allocatedStorage || used >= allocated) return;
    this.releasing.add(instance.id);
    try {
      await reloadNodes(this.ops, instance);
      instance.storageFull = undefined;
      this.ops.saveState();
      this.ops.progress(`${instance.id}: storage grew to ${allocatedStorage} GiB; writes accepted again`);
    } finally {
      this.releasing.delete(instance.id);
    }
  }
}
