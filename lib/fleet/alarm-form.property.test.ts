/** The alarm form, fed what a browser or a forged request may post: it refuses by field or yields a sane alarm. */
import fc from "fast-check";
import { expect, test } from "vitest";
import { expectIssuesNameFields, formFields, numberText, padded } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import { ALARM_COMPARISONS, ALARM_METRICS, ALARM_PERIODS, alarmForm } from "./alarm-form";

const fields = formFields({
  name: padded(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/)),
  instance: padded(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,70}$/)),
  metric: fc.constantFrom(...ALARM_METRICS, "cpuutilization", "SwapUsage"),
  comparison: fc.constantFrom(...ALARM_COMPARISONS, "GreaterThanUpperThreshold"),
  threshold: numberText,
  period: fc.oneof(fc.constantFrom(...ALARM_PERIODS), numberText),
  evaluationPeriods: numberText,
});

test("create / edit alarm: never throws; refuses naming a field, or yields an alarm CloudWatch accepts", async () => {
  await checkProperty(
    "form: create / edit alarm",
    fc.property(fields, (form) => {
      const parsed = alarmForm.safeParse(form);
      if (!parsed.success) return expectIssuesNameFields(parsed.error, Object.keys(alarmForm.shape));
      const alarm = parsed.data;
      expect(alarm.name).toMatch(/^[A-Za-z0-9._-]{1,255}$/);
      expect(alarm.instance).toMatch(/^[a-z][a-z0-9-]{0,62}$/);
      expect(Number.isFinite(alarm.threshold)).toBe(true);
      expect(ALARM_PERIODS.map(Number)).toContain(alarm.period);
      expect(Number.isInteger(alarm.evaluationPeriods)).toBe(true);
      expect(alarm.evaluationPeriods).toBeGreaterThanOrEqual(1);
      expect(alarm.evaluationPeriods).toBeLessThanOrEqual(10);
    }),
  );
});
