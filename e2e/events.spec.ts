import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { EventsPage } from "./events-page";

// Runs after failover.spec.ts (playwright.config.ts wires the projects): the writer failed over, replica-2 rebooted.
const WRITER = "production-myapp";
const REPLICA = "production-myapp-replica-2";

const FAILOVER_MESSAGES = [
  "A Multi-AZ failover that resulted in the promotion of a standby instance has started.",
  "The Multi-AZ failover that resulted in the promotion of a standby instance is complete.",
  "Multi-AZ instance recovery started.",
  "Multi-AZ instance recovery completed.",
  "Multi-AZ failover has completed.",
];

test("GET /events lists the failover's and the reboot's events, newest first", async ({ page }) => {
  const events = new EventsPage(page);
  await events.goto();
  await expect(events.heading).toBeVisible();
  for (const message of FAILOVER_MESSAGES) {
    await expect(events.messages.filter({ hasText: message })).toHaveCount(1);
  }
  await expect(events.messages.filter({ hasText: "DB instance restarted" })).not.toHaveCount(0);
  const times = await page
    .getByTestId("event-row")
    .locator("time")
    .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("GET /events filters by source, by category and by time, through its form", async ({ page }) => {
  const events = new EventsPage(page);
  await events.goto();

  await events.filter({ source: REPLICA, type: "db-instance" });
  await expect(page).toHaveURL(new RegExp(`source=${REPLICA}&type=db-instance`));
  await expect(events.messages.filter({ hasText: "DB instance shutdown" })).not.toHaveCount(0);
  for (const source of await events.sources.allTextContents()) expect(source).toBe(REPLICA);

  await events.filter({ source: WRITER, category: "failover", window: "1h" });
  await expect(page).toHaveURL(/category=failover&window=1h/);
  await expect(events.rows).toHaveCount(3);
  for (const source of await events.sources.allTextContents()) expect(source).toBe(WRITER);
  await expect(events.messages.filter({ hasText: "recovery" })).toHaveCount(0);
});

test("GET /events says so when nothing matches", async ({ page }) => {
  const events = new EventsPage(page);
  await events.goto("?type=db-snapshot");
  await expect(events.empty).toContainText("RDS recorded no events in the last 24 hours for every db-snapshot");
  await expect(events.rows).toHaveCount(0);
});

for (const { query, message } of [
  { query: "?window=forever", message: 'window (given "forever"): expected one of 1h, 6h, 24h, 3d, 7d, 14d.' },
  { query: "?type=db-table", message: 'type (given "db-table"): expected one of db-instance' },
  { query: "?category=drama", message: 'category (given "drama"): expected one of availability' },
  { query: `?source=${WRITER}`, message: "type: choose a source type to filter by a source identifier." },
  { query: "?source=%3Cscript%3E&type=db-instance", message: 'source (given "<script>"): a source identifier has' },
  { query: "?window=1h&window=6h", message: 'window (given "1h, 6h"): expected one value, got several.' },
]) {
  test(`GET /events${query} explains what is wrong with the filters`, async ({ page }) => {
    const events = new EventsPage(page);
    const response = await page.goto(`/events${query}`);
    expect(response?.status()).toBe(200);
    await expect(events.invalidQuery).toContainText(message);
    await expect(events.invalidQuery).toHaveAttribute("role", "alert");
    await expect(events.rows).toHaveCount(0);
    // The form is still there, to put it right.
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeVisible();
  });
}
