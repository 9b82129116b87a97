/** What the "create alarm" form may ask for: a fixed set of RDS metrics and CloudWatch's own operators. */
import { z } from "zod";
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

/** 10 and 30 s are CloudWatch's high-resolution periods; the fleet samples every 10 s. */
export const ALARM_PERIODS = ["10", "30", "60"] as const;

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
  period: z.enum(ALARM_PERIODS, { error: "period: expected 10, 30 or 60 seconds" }).transform(Number),
  evaluationPeriods: z.coerce
    .number({ error: "evaluation periods: expected a whole number" })
    .int("evaluation periods: expected a whole number")
    .min(1, "evaluation periods: at least 1")
    .max(10, "evaluation periods: at most 10"),
});

export type AlarmForm = z.output<typeof alarmForm>;
