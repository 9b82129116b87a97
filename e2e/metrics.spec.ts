import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { InstancePage } from "./instance-page";

// Runs after events.spec.ts and before overview.spec.ts (which kills a replica): the whole fleet is up.
const WRITER = "production-myapp";
const DEFAULT_ALARMS = ["production-rds-cpu-utilization", "production-rds-database-connections"];
const ALARM_STATES = /^(OK|ALARM|INSUFFICIENT_DATA)$/;

test("GET /instances/:id charts the writer's CloudWatch metrics", async ({ page }) => {
  const instance = new InstancePage(page, WRITER);
  const cpu = page.getByTestId("metric-chart-CPUUtilization");
  // The fleet samples every 10 s and the page asks for 60 s averages: reload until the first one exists.
  await expect(async () => {
    await instance.goto();
    await expect(cpu.locator("svg").first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000, intervals: [3_000] });
  await expect(page.getByRole("heading", { level: 2, name: "Metrics (last hour)" })).toBeVisible();
  await expect(cpu.getByTestId("metric-latest")).toHaveText(/ %$/);
  await expect(page.getByTestId("metric-chart-DatabaseConnections")).toBeVisible();
  // A writer has no replica lag to chart.
  await expect(page.getByTestId("metric-chart-ReplicaLag")).toHaveCount(0);
});

test("GET /alarms lists the default alarms with their state", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alarms" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alarms" })).toBeVisible();
  for (const name of DEFAULT_ALARMS) {
    const row = page.locator(`[data-testid="alarm-row"][data-alarm="${name}"]`);
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("alarm-state")).toHaveText(ALARM_STATES);
  }
  await expect(page.locator('[data-testid="alarm-row"][data-alarm$="-replica-lag"]')).not.toHaveCount(0);
  await expect(page.locator('[data-testid="alarm-row"][data-alarm$="-free-storage-space"]')).not.toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("POST /alarms creates an alarm from the form, and refuses a bad one readably", async ({ page }) => {
  await page.goto("/alarms");
  const form = page.getByTestId("create-alarm-form");
  await form.getByLabel("Name", { exact: true }).fill("e2e-writer-connections");
  await form.getByLabel("DB instance", { exact: true }).selectOption(WRITER);
  await form.getByLabel("Metric", { exact: true }).selectOption("DatabaseConnections");
  await form.getByLabel("Threshold", { exact: true }).fill("lots");
  await form.getByRole("button", { name: "Create alarm" }).click();
  await expect(form.getByTestId("create-alarm-error")).toContainText("threshold: expected a number");

  await form.getByLabel("Threshold", { exact: true }).fill("1000");
  await form.getByLabel("Period (seconds)", { exact: true }).selectOption("10");
  await form.getByRole("button", { name: "Create alarm" }).click();
  await expect(form.getByTestId("create-alarm-done")).toContainText("e2e-writer-connections");
  const row = page.locator('[data-testid="alarm-row"][data-alarm="e2e-writer-connections"]');
  await expect(row).toContainText("DatabaseConnections");
  await expect(row).toContainText("> 1000");
  await expect(row.getByTestId("alarm-state")).toHaveText(ALARM_STATES);
});
