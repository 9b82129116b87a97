/** The fleet pages' query strings (events, alarms, metric ranges): any of them refused by parameter, or understood. */
import fc from "fast-check";
import { expect, test } from "vitest";
import { expectDetailsNameFields, searchParams } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import { ALARM_STATES } from "./alarm-model";
import { parseAlarmQuery } from "./alarm-query";
import { eventCategories, eventSourceTypes } from "./event-model";
import { eventWindows, parseEventQuery } from "./event-query";
import { metricRanges, parseMetricRange } from "./metric-range";

test("events page: never throws; refuses naming the parameter, or yields a known window, type and category", async () => {
  const params = searchParams({
    source: fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,20}$/), fc.constant("x".repeat(256))),
    type: fc.constantFrom(...eventSourceTypes, "db-Instance"),
    category: fc.constantFrom(...eventCategories, "failovers"),
    window: fc.constantFrom(...Object.keys(eventWindows), "2d"),
  });
  await checkProperty(
    "query: events page",
    fc.property(params, (query) => {
      const parsed = parseEventQuery(query);
      if (!parsed.ok) return expectDetailsNameFields(parsed.issues, ["source", "type", "category", "window"]);
      expect(Object.keys(eventWindows)).toContain(parsed.query.window);
      if (parsed.query.type !== undefined) expect(eventSourceTypes).toContain(parsed.query.type);
      if (parsed.query.category !== undefined) expect(eventCategories).toContain(parsed.query.category);
      if (parsed.query.source !== undefined) expect(parsed.query.type).toBeDefined();
    }),
  );
});

test("alarms page: never throws; refuses naming the parameter, or yields a known state", async () => {
  const params = searchParams({
    state: fc.constantFrom(...ALARM_STATES, "alarm"),
    deleted: fc.string({ maxLength: 260 }),
  });
  await checkProperty(
    "query: alarms page",
    fc.property(params, (query) => {
      const parsed = parseAlarmQuery(query);
      if (!parsed.ok) return expectDetailsNameFields(parsed.issues, ["state", "deleted"]);
      if (parsed.query.state !== undefined) expect(ALARM_STATES).toContain(parsed.query.state);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: an accepted name must have none.
      if (parsed.query.deleted !== undefined) expect(parsed.query.deleted).not.toMatch(/[\u0000-\u001f\u007f]/);
    }),
  );
});

test("metric range: never throws; refuses naming the parameter, or yields a known range", async () => {
  const params = searchParams({ range: fc.constantFrom(...Object.keys(metricRanges), "2h", "1H") });
  await checkProperty(
    "query: metric range",
    fc.property(params, (query) => {
      const parsed = parseMetricRange(query);
      if (!parsed.ok) return expectDetailsNameFields(parsed.issues, ["range"]);
      expect(Object.keys(metricRanges)).toContain(parsed.range);
    }),
  );
});
