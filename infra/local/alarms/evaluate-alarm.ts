import type { AlarmConfiguration, AlarmState, ComparisonOperator } from "./alarm-types";
import { cloudwatchTimestamp, javaDouble, reasonDate } from "./cloudwatch-format";

/** One period of the evaluation range: its start and the statistic's value, if any data fell in it. */
export interface PeriodDatapoint {
  readonly start: number;
  readonly value: number | undefined;
  readonly sampleCount?: number;
}

export interface Evaluation {
  /** "retain": TreatMissingData "ignore" keeps whatever state the alarm is in. */
  readonly state: AlarmState | "retain";
  readonly reason: string;
  readonly reasonData: string;
}

/** Periods beyond EvaluationPeriods that CloudWatch retrieves, as in its documented example (3 of 5). */
export const EXTRA_EVALUATION_PERIODS = 2;

type Slot = { readonly point: PeriodDatapoint; readonly breaching: boolean | undefined };

/**
 * One evaluation, following "How alarm state is evaluated when data is
 * missing" (CloudWatch User Guide). `range` holds the EvaluationPeriods + 2
 * most recent periods, oldest first.
 *
 * - With at least N real datapoints, the N most recent ones decide; how
 *   missing data is treated does not matter.
 * - With none, TreatMissingData decides: missing → INSUFFICIENT_DATA,
 *   ignore → keep the state, breaching → ALARM, notBreaching → OK.
 * - With some, the evaluated window keeps every real datapoint and as few
 *   missing ones as possible (the newest). breaching/notBreaching fill them
 *   in. missing/ignore: ALARM if M real ones breach, OK if any real one does
 *   not breach; otherwise (all real ones breach, fewer than M) missing gives
 *   ALARM when the oldest evaluated datapoint is a breaching one and
 *   INSUFFICIENT_DATA when it is missing, and ignore keeps the state.
 *
 * This reproduces every row of the two tables in that guide; the unit
 * tests hold them.
 */
export function evaluateAlarm(alarm: AlarmConfiguration, range: readonly PeriodDatapoint[], now: number): Evaluation {
  const n = alarm.EvaluationPeriods;
  const m = alarm.DatapointsToAlarm ?? n;
  const treat = alarm.TreatMissingData ?? "missing";
  const slots: Slot[] = range.map((point) => ({
    point,
    breaching: point.value === undefined ? undefined : breaches(alarm.ComparisonOperator, point.value, alarm.Threshold),
  }));
  const real = slots.filter((s) => s.breaching !== undefined);
  const text = new ReasonText(alarm, now);

  if (real.length >= n) {
    const window = real.slice(-n);
    return decide(window, m, n, text);
  }
  if (real.length === 0) {
    const missing = Math.min(n, slots.length);
    if (treat === "missing") return text.insufficient(missing, slots.slice(-n));
    if (treat === "ignore") return text.retain(slots.slice(-n));
    return text.allFilled(treat === "breaching" ? "ALARM" : "OK", missing, treat, slots.slice(-n));
  }
  const window = compact(slots, n);
  const breachingReal = real.filter((s) => s.breaching).length;
  if (treat === "breaching" || treat === "notBreaching") {
    const filled = window.map((s) => (s.breaching === undefined ? { ...s, breaching: treat === "breaching" } : s));
    return decide(filled, m, n, text);
  }
  if (breachingReal >= m) return decide(window, m, n, text);
  if (real.some((s) => s.breaching === false)) return decide(window, m, n, text);
  if (treat === "ignore") return text.retain(window);
  return window[0]?.breaching === true
    ? decide(window, 1, n, text)
    : text.insufficient(window.filter((s) => s.breaching === undefined).length, window);
}

export function breaches(operator: ComparisonOperator, value: number, threshold: number): boolean {
  switch (operator) {
    case "GreaterThanOrEqualToThreshold":
      return value >= threshold;
    case "GreaterThanThreshold":
      return value > threshold;
    case "LessThanThreshold":
      return value < threshold;
    case "LessThanOrEqualToThreshold":
      return value <= threshold;
  }
}

/** Keeps every real datapoint and drops the oldest missing ones until N remain. */
function compact(slots: readonly Slot[], n: number): Slot[] {
  const window = [...slots];
  for (let i = 0; i < window.length && window.length > n; ) {
    if (window[i]?.breaching === undefined) window.splice(i, 1);
    else i++;
  }
  return window.slice(-n);
}

function decide(window: readonly Slot[], m: number, n: number, text: ReasonText): Evaluation {
  const breaching = window.filter((s) => s.breaching === true);
  return breaching.length >= m ? text.crossed("ALARM", window, m, n) : text.crossed("OK", window, m, n);
}

const COMPARISON_WORDS: Record<ComparisonOperator, string> = {
  GreaterThanOrEqualToThreshold: "greater than or equal to",
  GreaterThanThreshold: "greater than",
  LessThanThreshold: "less than",
  LessThanOrEqualToThreshold: "less than or equal to",
};

/** CloudWatch's StateReason sentences and StateReasonData JSON. */
class ReasonText {
  constructor(
    private readonly alarm: AlarmConfiguration,
    private readonly now: number,
  ) {}

  crossed(state: "ALARM" | "OK", window: readonly Slot[], m: number, n: number): Evaluation {
    const wanted = state === "ALARM";
    const shown = window.filter((s) => s.breaching === wanted && s.point.value !== undefined).reverse();
    const count = window.filter((s) => s.breaching === wanted).length;
    const list = shown.map((s) => `${javaDouble(s.point.value as number)} (${reasonDate(s.point.start)})`).join(", ");
    const words = `${wanted ? "" : "not "}${COMPARISON_WORDS[this.alarm.ComparisonOperator]}`;
    const minimum = wanted ? m : n - m + 1;
    const transition = wanted ? "OK -> ALARM" : "ALARM -> OK";
    const reason =
      `Threshold Crossed: ${count} out of the last ${window.length} datapoints [${list}] ${count === 1 ? "was" : "were"} ${words} ` +
      `the threshold (${javaDouble(this.alarm.Threshold)}) (minimum ${minimum} ${plural(minimum, "datapoint")} for ${transition} transition).`;
    return { state, reason, reasonData: this.data(window) };
  }

  allFilled(state: "ALARM" | "OK", periods: number, treat: "breaching" | "notBreaching", window: readonly Slot[]) {
    const as = treat === "breaching" ? "Breaching" : "NonBreaching";
    const reason =
      `Threshold Crossed: no datapoints were received for ${periods} ${plural(periods, "period")} and ` +
      `${periods} missing ${plural(periods, "datapoint")} ${periods === 1 ? "was" : "were"} treated as [${as}].`;
    return { state, reason, reasonData: this.data(window) };
  }

  insufficient(unknown: number, window: readonly Slot[]): Evaluation {
    const reason = `Insufficient Data: ${unknown} ${plural(unknown, "datapoint")} ${unknown === 1 ? "was" : "were"} unknown.`;
    return { state: "INSUFFICIENT_DATA", reason, reasonData: this.data(window) };
  }

  retain(window: readonly Slot[]): Evaluation {
    return { state: "retain", reason: "", reasonData: this.data(window) };
  }

  private data(window: readonly Slot[]): string {
    const real = window.filter((s) => s.point.value !== undefined);
    return JSON.stringify({
      version: "1.0",
      queryDate: cloudwatchTimestamp(this.now),
      ...(window[0] ? { startDate: cloudwatchTimestamp(window[0].point.start) } : {}),
      statistic: this.alarm.Statistic ?? this.alarm.ExtendedStatistic,
      period: this.alarm.Period,
      recentDatapoints: real.map((s) => s.point.value),
      threshold: this.alarm.Threshold,
      evaluatedDatapoints: [...window].reverse().map((s) =>
        s.point.value === undefined
          ? { timestamp: cloudwatchTimestamp(s.point.start) }
          : {
              timestamp: cloudwatchTimestamp(s.point.start),
              ...(s.point.sampleCount === undefined ? {} : { sampleCount: s.point.sampleCount }),
              value: s.point.value,
            },
      ),
    });
  }
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
