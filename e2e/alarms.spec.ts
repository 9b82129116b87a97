import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { authState } from "./auth-files";
import { openWriterConnections } from "./local-fleet-files";

/** Silencing and deleting an alarm are an admin's: those steps run in an admin's browser. */
async function asAdmin(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: authState("admin") })).newPage();
}

// Runs after metrics.spec.ts and before overview.spec.ts (which kills a replica): the whole fleet is up.
const WRITER = "production-myapp";
const DRILL = "e2e-connection-drill";
/** Extra connections the drill opens: far above what the dashboard and engine hold at rest. */
const LOAD = 40;
const THRESHOLD = 25;

test.describe.configure({ mode: "serial" });

test("an alarm made in the UI goes to ALARM under load, shows on every page, and returns to OK", async ({ page }) => {
  // Two 30 s periods to fire, two to clear, and the fleet's 10 s sampling between.
  test.setTimeout(300_000);
  await page.goto("/alarms");
  const form = page.getByTestId("create-alarm-form");
  await form.getByLabel("Name", { exact: true }).fill(DRILL);
  await form.getByLabel("DB instance", { exact: true }).selectOption(WRITER);
  await form.getByLabel("Metric", { exact: true }).selectOption("DatabaseConnections");
  await form.getByLabel("Comparison", { exact: true }).selectOption("GreaterThanThreshold");
  await form.getByLabel("Threshold", { exact: true }).fill(String(THRESHOLD));
  // 30 s, not 10 s: with one sample every 10 s, a 10 s period can come out empty and read as missing data.
  await form.getByLabel("Period (seconds)", { exact: true }).selectOption("30");
  await form.getByRole("button", { name: "Create alarm" }).click();
  await expect(form.getByTestId("create-alarm-done")).toContainText(DRILL);

  // The same name again is refused rather than silently replacing the alarm.
  await form.getByRole("button", { name: "Create alarm" }).click();
  await expect(form.getByTestId("create-alarm-error")).toContainText(`An alarm named ${DRILL} already exists.`);

  await page.locator(`[data-testid="alarm-row"][data-alarm="${DRILL}"]`).getByRole("link", { name: DRILL }).click();
  await expect(page.getByRole("heading", { level: 1, name: DRILL })).toBeVisible();
  const state = page.getByTestId("alarm-state");
  // Without load the writer has a handful of client connections: the alarm settles in OK.
  await expect(state).toHaveText("OK", { timeout: 90_000 });

  const load = await openWriterConnections(LOAD);
  try {
    // The page refreshes itself: no reload, as an operator watching it would see it.
    await expect(state).toHaveText("ALARM", { timeout: 120_000 });
    await expect(page.getByTestId("alarm-reason")).toContainText("Threshold Crossed");

    await page.goto("/");
    const writerCard = page.getByTestId(`instance-${WRITER}`);
    await expect(writerCard).toHaveAttribute("data-alarm-state", "ALARM");
    await expect(writerCard.getByTestId("node-alarm")).toContainText(DRILL);
    const firing = page.locator('[data-testid="alarm-count"][data-state="ALARM"]');
    await expect(firing).toHaveAttribute("data-count", /^[1-9]\d*$/);

    await page.goto(`/instances/${WRITER}`);
    const connections = page.getByTestId("metric-chart-DatabaseConnections");
    await expect(connections.locator(`[data-testid="metric-threshold"][data-alarm="${DRILL}"]`)).toHaveText(
      `Alarm ${DRILL}: > ${THRESHOLD} (ALARM)`,
    );
  } finally {
    await Promise.allSettled(load.map((c) => c.end()));
  }

  await page.goto(`/alarms/${DRILL}`);
  await expect(state).toHaveText("OK", { timeout: 120_000 });
  const history = page.getByTestId("alarm-history");
  await expect(history).toContainText("from OK to ALARM");
  await expect(history).toContainText("from ALARM to OK");
  await expect(page.getByTestId(`instance-${WRITER}`)).toHaveCount(0);
});

test("a cross-site POST to the delete-alarm action is refused (Next's Origin check) and the alarm stays", async ({
  browser,
}) => {
  const page = await asAdmin(browser);
  await page.goto(`/alarms/${DRILL}`);
  // A real, complete action request, captured and held back, then replayed from another origin.
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer | null }>((resolve) => {
    void page.route(`**/alarms/${DRILL}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer() });
      await route.abort();
    });
  });
  await page.getByTestId("delete-alarm").click();
  const dialog = page.getByTestId("confirm-dialog");
  await dialog.getByTestId("confirm-identifier").fill(DRILL);
  await dialog.getByTestId("confirm-action").click();
  const { headers, body } = await captured;
  await page.unroute(`**/alarms/${DRILL}`);

  const response = await page.request.post(`/alarms/${DRILL}`, {
    headers: { ...headers, origin: "https://attacker.example" },
    data: body ?? "",
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(await response.text()).not.toContain('"ok":true');

  await page.goto(`/alarms/${DRILL}`);
  await expect(page.getByTestId("edit-alarm-form")).toBeVisible();
  await expect(page.getByTestId("alarm-not-found")).toHaveCount(0);
});

test("an operator edits an alarm but may not silence or delete it; an admin switches its notifications off and deletes it", async ({
  page,
  browser,
}) => {
  await page.goto(`/alarms/${DRILL}`);
  const form = page.getByTestId("edit-alarm-form");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(DRILL);
  await expect(form.getByLabel("Threshold", { exact: true })).toHaveValue(String(THRESHOLD));

  await form.getByLabel("Threshold", { exact: true }).fill("lots");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByTestId("edit-alarm-error")).toContainText("threshold: expected a number");

  await form.getByLabel("Threshold", { exact: true }).fill("1000");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByTestId("edit-alarm-done")).toContainText(DRILL);
  await expect(page.getByText("> 1000", { exact: true })).toBeVisible();
  await expect(page.getByTestId("alarm-silencing-needs-admin")).toBeVisible();
  await expect(page.getByTestId("toggle-alarm-actions")).toHaveCount(0);
  await expect(page.getByTestId("delete-alarm")).toHaveCount(0);

  const admin = await asAdmin(browser);
  await admin.goto(`/alarms/${DRILL}`);
  await admin.getByTestId("toggle-alarm-actions").click();
  await expect(admin.getByTestId("alarm-actions-enabled")).toContainText("disabled");
  await expect(admin.getByTestId("alarm-actions-outcome")).toContainText(`Notifications of ${DRILL} are off.`);
  // Turning them back on only restores the warning: the operator may.
  await page.reload();
  await expect(page.getByTestId("toggle-alarm-actions")).toHaveText("Enable notifications");

  await admin.getByTestId("delete-alarm").click();
  const dialog = admin.getByTestId("confirm-dialog");
  const confirm = dialog.getByTestId("confirm-action");
  await dialog.getByTestId("confirm-identifier").fill("not-the-name");
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId("confirm-identifier").fill(DRILL);
  await confirm.click();
  await expect(admin).toHaveURL(/\/alarms\?deleted=/);
  await expect(admin.getByRole("status").filter({ hasText: `Alarm ${DRILL} deleted.` })).toBeVisible();
  await expect(admin.locator(`[data-testid="alarm-row"][data-alarm="${DRILL}"]`)).toHaveCount(0);

  await admin.goto(`/alarms/${DRILL}`);
  await expect(admin.getByTestId("alarm-not-found")).toBeVisible();
});

test("bad query strings on the alarms and instance pages are named, not crashed on", async ({ page }) => {
  await page.goto("/alarms?state=firing");
  await expect(page.getByTestId("invalid-query")).toContainText("expected one of ALARM, INSUFFICIENT_DATA, OK");
  await expect(page.getByTestId("invalid-query")).toContainText('(given "firing")');

  await page.goto("/alarms?state=OK");
  for (const s of await page.getByTestId("alarm-state").allTextContents()) expect(s).toBe("OK");

  await page.goto(`/instances/${WRITER}?range=2h`);
  await expect(page.getByTestId("invalid-query")).toContainText("expected one of 1h, 3h, 12h, 24h");
  await expect(page.getByRole("heading", { level: 2, name: "Metrics (last hour)" })).toBeVisible();

  await page.getByRole("navigation", { name: "Metric time range" }).getByRole("link", { name: "3 h" }).click();
  await expect(page).toHaveURL(/range=3h/);
  await expect(page.getByRole("heading", { level: 2, name: "Metrics (last 3 hours)" })).toBeVisible();
});

test("a fleet default alarm's page shows its settings, history and a filled edit form, accessibly", async ({
  page,
}) => {
  await page.goto("/alarms/production-rds-cpu-utilization");
  await expect(page.getByRole("heading", { level: 1, name: "production-rds-cpu-utilization" })).toBeVisible();
  await expect(page.getByText("Average over 2 × 300 s")).toBeVisible();
  await expect(page.getByTestId("alarm-history-row").first()).toBeVisible();
  const form = page.getByTestId("edit-alarm-form");
  await expect(form.getByLabel("Period (seconds)", { exact: true })).toHaveValue("300");
  await expect(form.getByLabel("Metric", { exact: true })).toHaveValue("CPUUtilization");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
