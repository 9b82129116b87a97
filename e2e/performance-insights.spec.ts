import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { InstancePage } from "./instance-page";
import { openWriterConnections } from "./local-fleet-files";

const WRITER = "production-myapp";

test("GET /instances/:id shows the database load by wait event and the slow statement atop the top SQL, with its load over time", async ({
  page,
}) => {
  // Three sessions sleeping half a second at a time for 8 s: a known slow statement and a known wait event.
  const sleepers = await openWriterConnections(3);
  try {
    const until = Date.now() + 8_000;
    await Promise.all(
      sleepers.map(async (c) => {
        while (Date.now() < until) await c.query("select pg_sleep(0.5)");
      }),
    );
  } finally {
    await Promise.allSettled(sleepers.map((c) => c.end()));
  }

  const instance = new InstancePage(page, WRITER);
  const section = page.getByTestId("database-load");
  const first = section.getByTestId("top-sql-row").first();
  // pg_stat_statements' deltas come every RDSDECK_INSIGHTS_INTERVAL_SECONDS (5 s in e2e): reload until they show.
  await expect(async () => {
    await instance.goto();
    await expect(first.getByTestId("top-sql-mean-ms")).toHaveText(/^\d+\.\d$/, { timeout: 2_000 });
  }).toPass({ timeout: 45_000, intervals: [3_000] });

  await expect(section.getByRole("heading", { level: 2, name: "Database load (last hour)" })).toBeVisible();
  await expect(section.getByTestId("database-load-chart").locator("svg").first()).toBeVisible();
  await expect(section.getByTestId("wait-event").filter({ hasText: "Timeout:PgSleep" })).toHaveCount(1);
  await expect(section.getByTestId("database-load-chart")).toContainText("vCPUs");

  await expect(first.getByTestId("top-sql-statement")).toHaveText("select pg_sleep($1)");
  const meanMs = Number(await first.getByTestId("top-sql-mean-ms").textContent());
  expect(meanMs).toBeGreaterThan(450);
  expect(meanMs).toBeLessThan(1_000);

  // The statement opens onto one execution's full text, from the keyboard too.
  await expect(first.getByTestId("top-sql-full-text")).toBeHidden();
  await first.getByTestId("top-sql-statement").focus();
  await page.keyboard.press("Enter");
  await expect(first.getByTestId("top-sql-full-text")).toHaveText("select pg_sleep(0.5)");
  // ...and onto its own load over the same range.
  const overTime = first.getByTestId("top-sql-load-over-time");
  await expect(overTime).toContainText(/at most \d+\.\d\d average active sessions/);
  await expect(overTime.locator("svg").first()).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).include('[data-testid="database-load"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
