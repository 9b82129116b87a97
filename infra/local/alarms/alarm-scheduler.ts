import type { MetricStore } from "../metrics/metric-store";
import { evaluationRange } from "./alarm-datapoints";
import type { AlarmRegistry } from "./alarm-registry";
import { evaluateAlarm } from "./evaluate-alarm";

export interface AlarmSchedulerOptions {
  readonly registry: AlarmRegistry;
  readonly store: MetricStore;
  readonly intervalMs: number;
  readonly now: () => number;
  readonly onError: (error: unknown, alarmName: string) => void;
}

/**
 * Evaluates every alarm on a timer. Evaluation reads the in-memory store, so
 * a round over all alarms is synchronous and cheap; only transitions write
 * anything. A state set with SetAlarmState lasts until the next round.
 */
export class AlarmScheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AlarmSchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.evaluateAll(), this.options.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  evaluateAll(): void {
    const now = this.options.now();
    for (const alarm of this.options.registry.list()) {
      try {
        const evaluation = evaluateAlarm(alarm, evaluationRange(this.options.store, alarm, now), now);
        if (evaluation.state === "retain") continue;
        this.options.registry.transition(alarm.AlarmName, {
          state: evaluation.state,
          reason: evaluation.reason,
          reasonData: evaluation.reasonData,
        });
      } catch (error) {
        this.options.onError(error, alarm.AlarmName);
      }
    }
  }
}
