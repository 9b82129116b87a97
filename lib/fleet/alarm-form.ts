/** What the "create alarm" form may ask for: a fixed set of RDS metrics and CloudWatch's own operators. */
import { z } from "zod";
import type { Alarm } from "./alarm-model";
import { instanceIdentifier } from "./instance-identifier";

export const ALARM_METRICS = [
  "CPUUtilization",
  "DatabaseConnections",
  "FreeStorageSpace",
  "FreeableMemory",
  "ReadIOPS",
  "WriteIOPS",
  "ReplicaLag",
] as const;

export const ALARM_COMPARISONS = [
  "GreaterThanThreshold",
  "GreaterThanOrEqualToThreshold",
  "LessThanThreshold",
  "LessThanOrEqualToThreshold",
] as const;

/**
 * 10 and 30 s are CloudWatch's high-resolution periods (the local fleet samples every 10 s);
 * 300 s is the seed's alarms' period; 900 and 3600 s suit slow metrics such as free storage.
 */
export const ALARM_PERIODS = ["10", "30", "60", "300", "900", "3600"] as const;

export const alarmForm = z.object({
  // CloudWatch allows 1–255 printable ASCII characters; the dashboard keeps names URL- and shell-friendly.
  name: z
    .string({ error: "expected an alarm name" })
    .trim()
    .min(1, "expected an alarm name")
    .max(255, "an alarm name has at most 255 characters")
    .regex(/^[A-Za-z0-9._-]+$/, "an alarm name has letters, digits, dots, hyphens and underscores only"),
  instance: instanceIdentifier,
  metric: z.enum(ALARM_METRICS, { error: `metric: expected one of ${ALARM_METRICS.join(", ")}` }),
  comparison: z.enum(ALARM_COMPARISONS, { error: "comparison: expected one of the listed operators" }),
  threshold: z.coerce
    .number({ error: "threshold: expected a number" })
    .refine(Number.isFinite, "threshold: expected a number"),
  period: z
    .enum(ALARM_PERIODS, { error: `period: expected one of ${ALARM_PERIODS.join(", ")} seconds` })
    .transform(Number),
  evaluationPeriods: z.coerce
    .number({ error: "evaluation periods: expected a whole number" })
    .int("evaluation periods: expected a whole number")
    .min(1, "evaluation periods: at least 1")
    .max(10, "evaluation periods: at most 10"),
});

export type AlarmForm = z.output<typeof alarmForm>;

/** The form's fields as strings, to fill an edit form with an alarm's current settings. */
export type AlarmFormValues = { [K in keyof z.input<typeof alarmForm>]: string };

/**
 * An existing alarm as the form's values, or why the form cannot edit it: the
 * form writes one instance's AWS/RDS Average with the listed operators and
 * periods, and saving anything else through it would change what the alarm means.
 */
export function alarmFormValues(alarm: Alarm): { values: AlarmFormValues } | { notEditable: string } {
  const { instance, threshold, comparison, period, evaluationPeriods } = alarm;
  const values = {
    name: alarm.name,
    instance: instance ?? "",
    metric: alarm.metric,
    comparison: comparison ?? "",
    threshold: threshold === undefined ? "" : String(threshold),
    period: period === undefined ? "" : String(period),
    evaluationPeriods: evaluationPeriods === undefined ? "" : String(evaluationPeriods),
  };
  if (alarm.namespace !== "AWS/RDS" || alarm.dimensionCount !== 1 || instance === undefined) {
    return { notEditable: "it does not watch a single DB instance's AWS/RDS metric" };
  }
  if (alarm.statistic !== "Average") return { notEditable: `it uses the ${alarm.statistic} statistic, not Average` };
  const parsed = alarmForm.safeParse(values);
  if (!parsed.success) return { notEditable: parsed.error.issues.map((i) => i.message).join("; ") };
  return { values };
}
