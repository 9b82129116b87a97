import { AlarmHistory } from "./alarm-history";
import { AlarmStore } from "./alarm-store";
import type { AlarmConfiguration, AlarmHistoryEntry, AlarmRecord, AlarmState } from "./alarm-types";
import type { AlarmNotifier } from "./notifier";

export interface AlarmRegistryOptions {
  readonly dir: string;
  readonly region: string;
  readonly accountId: string;
  readonly notifier: AlarmNotifier;
  readonly now: () => number;
}

/** A new state with CloudWatch's reason for it. */
export interface StateChange {
  readonly state: AlarmState;
  readonly reason: string;
  readonly reasonData?: string;
}

const INITIAL_REASON = "Unchecked: Initial alarm creation";

/**
 * The alarms: their configuration and state, durable in alarms.json, every
 * change written to the history, every transition with actions enabled
 * handed to the notifier. The one place that changes an alarm, so the API
 * and the scheduler cannot disagree.
 */
export class AlarmRegistry {
  private readonly alarms = new Map<string, AlarmRecord>();
  private readonly store: AlarmStore;
  readonly history: AlarmHistory;
  private defaultsCreated: boolean;

  constructor(private readonly options: AlarmRegistryOptions) {
    this.store = new AlarmStore(options.dir);
    this.history = new AlarmHistory(options.dir, options.now);
    const saved = this.store.read();
    for (const alarm of saved.alarms) this.alarms.set(alarm.AlarmName, alarm);
    this.defaultsCreated = saved.defaultsCreated;
  }

  get size(): number {
    return this.alarms.size;
  }

  get(name: string): AlarmRecord | undefined {
    return this.alarms.get(name);
  }

  /** Sorted by name, as DescribeAlarms lists them. */
  list(): AlarmRecord[] {
    return [...this.alarms.values()].sort((a, b) =>
      a.AlarmName < b.AlarmName ? -1 : a.AlarmName > b.AlarmName ? 1 : 0,
    );
  }

  /** Creates the given alarms once in the life of the data directory. */
  createDefaults(defaults: readonly AlarmConfiguration[]): number {
    if (this.defaultsCreated) return 0;
    for (const alarm of defaults) if (!this.alarms.has(alarm.AlarmName)) this.put(alarm, false);
    this.defaultsCreated = true;
    this.save();
    return defaults.length;
  }

  /** PutMetricAlarm: a new alarm starts in INSUFFICIENT_DATA; an update replaces the configuration and keeps the state. */
  put(configuration: AlarmConfiguration, save = true): AlarmRecord {
    const now = this.options.now();
    const existing = this.alarms.get(configuration.AlarmName);
    const record: AlarmRecord = {
      ...configuration,
      AlarmArn: `arn:aws:cloudwatch:${this.options.region}:${this.options.accountId}:alarm:${configuration.AlarmName}`,
      AlarmConfigurationUpdatedTimestamp: now,
      StateValue: existing?.StateValue ?? "INSUFFICIENT_DATA",
      StateReason: existing?.StateReason ?? INITIAL_REASON,
      ...(existing?.StateReasonData === undefined ? {} : { StateReasonData: existing.StateReasonData }),
      StateUpdatedTimestamp: existing?.StateUpdatedTimestamp ?? now,
      StateTransitionedTimestamp: existing?.StateTransitionedTimestamp ?? now,
    };
    this.alarms.set(record.AlarmName, record);
    this.record(
      configurationEntry(record.AlarmName, now, existing ? "updated" : "created", {
        type: existing ? "Update" : "Create",
        version: "1.0",
        ...(existing ? { originalAlarm: existing, updatedAlarm: record } : { createdAlarm: record }),
      }),
    );
    if (save) this.save();
    return record;
  }

  /** DeleteAlarms; the caller has checked that every name exists. */
  delete(names: readonly string[]): void {
    const now = this.options.now();
    for (const name of names) {
      const alarm = this.alarms.get(name);
      if (alarm === undefined) continue;
      this.alarms.delete(name);
      this.record(configurationEntry(name, now, "deleted", { type: "Delete", version: "1.0", deletedAlarm: alarm }));
    }
    this.save();
  }

  /** Enable/DisableAlarmActions; unknown names are ignored, as CloudWatch does. */
  setActionsEnabled(names: readonly string[], enabled: boolean): void {
    const now = this.options.now();
    for (const name of names) {
      const alarm = this.alarms.get(name);
      if (alarm === undefined || alarm.ActionsEnabled === enabled) continue;
      const updated = { ...alarm, ActionsEnabled: enabled, AlarmConfigurationUpdatedTimestamp: now };
      this.alarms.set(name, updated);
      this.record(
        configurationEntry(name, now, "updated", {
          type: "Update",
          version: "1.0",
          originalAlarm: alarm,
          updatedAlarm: updated,
        }),
      );
    }
    this.save();
  }

  /**
   * Moves an alarm to a new state (an evaluation or SetAlarmState). Nothing
   * happens when the state is unchanged; a transition is recorded and, with
   * actions enabled, notified once.
   */
  transition(name: string, change: StateChange): boolean {
    const alarm = this.alarms.get(name);
    if (alarm === undefined || alarm.StateValue === change.state) return false;
    const now = this.options.now();
    const updated: AlarmRecord = {
      ...alarm,
      StateValue: change.state,
      StateReason: change.reason,
      ...(change.reasonData === undefined ? { StateReasonData: undefined } : { StateReasonData: change.reasonData }),
      StateUpdatedTimestamp: now,
      StateTransitionedTimestamp: now,
    };
    this.alarms.set(name, updated);
    this.record({
      AlarmName: name,
      AlarmType: "MetricAlarm",
      Timestamp: now,
      HistoryItemType: "StateUpdate",
      HistorySummary: `Alarm updated from ${alarm.StateValue} to ${change.state}`,
      HistoryData: JSON.stringify({
        version: "1.0",
        oldState: stateData(alarm.StateValue, alarm.StateReason, alarm.StateReasonData),
        newState: stateData(change.state, change.reason, change.reasonData),
      }),
    });
    this.save();
    if (updated.ActionsEnabled) {
      const entries = this.options.notifier.publish(updated, {
        oldState: alarm.StateValue,
        newState: change.state,
        reason: change.reason,
        at: now,
      });
      for (const entry of entries) this.record(entry);
    }
    return true;
  }

  private record(entry: AlarmHistoryEntry): void {
    this.history.add(entry);
  }

  private save(): void {
    this.store.write(this.alarms.values(), this.defaultsCreated);
  }
}

function configurationEntry(name: string, at: number, verb: string, data: Record<string, unknown>): AlarmHistoryEntry {
  return {
    AlarmName: name,
    AlarmType: "MetricAlarm",
    Timestamp: at,
    HistoryItemType: "ConfigurationUpdate",
    HistorySummary: `Alarm "${name}" ${verb}`,
    HistoryData: JSON.stringify(data),
  };
}

function stateData(state: AlarmState, reason: string, reasonData: string | undefined) {
  let parsed: unknown;
  try {
    parsed = reasonData === undefined ? undefined : JSON.parse(reasonData);
  } catch {
    parsed = undefined;
  }
  return { stateValue: state, stateReason: reason, ...(parsed === undefined ? {} : { stateReasonData: parsed }) };
}
