import { z } from "zod";

/**
 * Any name CloudWatch accepts (1–255 characters, no control characters), for
 * reading, changing or deleting an alarm. Names the dashboard creates are
 * narrower (alarm-form.ts); alarms made elsewhere must still be reachable.
 */
export const alarmName = z
  .string({ error: "expected an alarm name" })
  .min(1, "expected an alarm name")
  .max(255, "an alarm name has at most 255 characters")
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "an alarm name has no control characters");
