import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { InstancePage } from "./instance-page";
import { OverviewPage } from "./overview-page";

// The local fleet's default shape (infra/fleet.ts): a Multi-AZ writer in us-east-1a, its standby in us-east-1b.
const WRITER = "production-myapp";
const REPLICA = "production-myapp-replica-2";

// These tests act on one fleet, in order: refusals first (nothing may change), then the drill, then a replica.
test.describe.configure({ mode: "serial" });

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test("GET /instances/<writer> shows what DescribeDBInstances says, and a Multi-AZ writer's actions", async ({
  page,
}) => {
  const writer = new InstancePage(page, WRITER);
  await writer.goto();
  await expect(writer.heading).toBeVisible();
  await expect(writer.status).toHaveText("available");
  await expect(writer.fact("availability-zone")).toHaveText("us-east-1a");
  await expect(writer.fact("standby-availability-zone")).toHaveText("us-east-1b");
  await expect(writer.fact("multi-az")).toHaveText("yes");
  await expect(writer.fact("engine")).toHaveText("postgres");
  await expect(writer.instanceAz).toHaveText("us-east-1a");
  await expect(writer.standbyAz).toHaveText("us-east-1b");
  await expect(writer.action("reboot")).toBeEnabled();
  await expect(writer.action("reboot-with-failover")).toBeEnabled();
  expect(await axeViolations(page)).toEqual([]);

  // The failover dialog, open: axe-clean too, and its confirm button waits for the identifier.
  await writer.action("reboot-with-failover").click();
  await expect(writer.dialog).toBeVisible();
  await expect(writer.confirmInput).toBeFocused();
  await expect(writer.confirmButton).toBeDisabled();
  await writer.confirmInput.fill("production-myap");
  await expect(writer.confirmButton).toBeDisabled();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(writer.dialog).toBeHidden();
  await expect(writer.action("reboot-with-failover")).toBeFocused();
});

test("GET /instances/<replica> offers a reboot but no failover", async ({ page }) => {
  const replica = new InstancePage(page, REPLICA);
  await replica.goto();
  await expect(replica.fact("replicates-from")).toHaveText(WRITER);
  await expect(replica.action("reboot")).toBeEnabled();
  await expect(replica.action("reboot-with-failover")).toHaveCount(0);
});

for (const [what, path] of [
  ["an unknown instance", "/instances/production-nope"],
  ["an identifier RDS would refuse", "/instances/not--an--identifier"],
  ["an over-long identifier", `/instances/${"a".repeat(64)}`],
  ["a path-like identifier", "/instances/..%2F..%2Fetc"],
] as const) {
  test(`GET /instances/… for ${what} is a 404 page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: /not found/i })).toBeVisible();
  });
}

const forgeries = [
  {
    what: "a confirmation that does not match the identifier",
    fields: { confirmation: "production-myap" },
    error: /confirmation does not match the DB instance identifier/,
  },
  {
    what: "no confirmation field",
    fields: { confirmation: null },
    error: /Type the DB instance identifier to confirm the failover/,
  },
  {
    what: "another instance's identifier (a replica cannot fail over)",
    fields: { identifier: REPLICA, confirmation: REPLICA },
    error: /RebootDBInstance was refused for DB instance production-myapp-replica-2: .*non Multi-AZ/,
  },
  {
    what: "an unknown instance",
    fields: { identifier: "production-nope", confirmation: "production-nope" },
    error: /DB instance production-nope was not found/,
  },
  {
    what: "a malformed identifier",
    fields: { identifier: "../etc", confirmation: "../etc" },
    error: /letters, digits and hyphens/,
  },
];

test("forged failover requests are refused with a readable error and change nothing", async ({ page }) => {
  const writer = new InstancePage(page, WRITER);
  await writer.goto();
  for (const { what, fields, error } of forgeries) {
    await test.step(what, async () => {
      await writer.action("reboot-with-failover").click();
      await writer.submitForged(fields);
      await expect(writer.actionError).toContainText(error);
      await expect(writer.actionError).toHaveAttribute("role", "alert");
      await page.keyboard.press("Escape");
      await expect(writer.dialog).toBeHidden();
    });
  }
  await page.reload();
  await expect(writer.status).toHaveText("available");
  await expect(writer.instanceAz).toHaveText("us-east-1a");
  await expect(writer.progress).toHaveCount(0);
  await expect(writer.events.getByTestId("events-empty")).toBeVisible();
  const replica = new InstancePage(page, REPLICA);
  await replica.goto();
  await expect(replica.status).toHaveText("available");
  await expect(replica.events.getByTestId("events-empty")).toBeVisible();
});

test("a cross-site POST to the failover action is refused (Next's Origin check) and changes nothing", async ({
  page,
}) => {
  const writer = new InstancePage(page, WRITER);
  await writer.goto();
  // A real, complete action request, captured and held back, then replayed from another origin.
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer | null }>((resolve) => {
    void page.route(`**/instances/${WRITER}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer() });
      await route.abort();
    });
  });
  await writer.action("reboot-with-failover").click();
  await writer.confirmInput.fill(WRITER);
  await writer.confirmButton.click();
  const { headers, body } = await captured;
  await page.unroute(`**/instances/${WRITER}`);

  const response = await page.request.post(`/instances/${WRITER}`, {
    headers: { ...headers, origin: "https://attacker.example" },
    data: body ?? "",
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(await response.text()).not.toContain('"ok":true');

  await writer.goto();
  await expect(writer.status).toHaveText("available");
  await expect(writer.events.getByTestId("events-empty")).toBeVisible();
});

test("failover drill from the UI: rebooting → available, the writer moves to us-east-1b, the overview records it", async ({
  page,
  context,
}) => {
  const writer = new InstancePage(page, WRITER);
  // A second operator, ready to fail the same writer over at the same time.
  const rival = new InstancePage(await context.newPage(), WRITER);
  await rival.goto();
  await rival.action("reboot-with-failover").click();
  await rival.confirmInput.fill(WRITER);

  await writer.goto();
  await expect(writer.instanceAz).toHaveText("us-east-1a");
  // A marker that a reload would wipe: the progress must arrive through the page's own refresh.
  await page.evaluate(() => {
    (window as Window & { e2eMarker?: string }).e2eMarker = "still here";
  });

  await writer.action("reboot-with-failover").click();
  await writer.confirmInput.fill(WRITER);
  await expect(writer.confirmButton).toBeEnabled();
  await writer.confirmButton.click();
  await expect(writer.dialog).toBeHidden();

  // RDS runs one action per instance: while this failover runs (seconds), the rival's is refused, readably.
  await rival.confirmButton.click();
  await expect(rival.actionError).toContainText(
    `RebootDBInstance was refused for DB instance ${WRITER}: Instance ${WRITER} is not in available state`,
  );
  await expect(rival.actionError).toContainText("Wait until the instance is available");
  await rival.page.close();

  await expect(writer.progress).toBeVisible();
  await expect(writer.transitions).toHaveText(/^available → rebooting/);
  await expect(writer.transitions).toHaveText("available → rebooting → available", { timeout: 30_000 });
  await expect(writer.status).toHaveText("available");
  await expect(writer.outcome).toHaveText(
    /^Failover complete: writer now in us-east-1b \(production-myapp-b\), standby in us-east-1a \(production-myapp-a\); writes were unavailable \d+(\.\d)? m?s\.$/,
    { timeout: 60_000 },
  );
  await expect(writer.phases).toHaveCount(4);
  for (const phase of await writer.phases.all()) await expect(phase).toHaveAttribute("data-state", "done");
  await expect(writer.instanceAz).toHaveText("us-east-1b");
  await expect(writer.standbyAz).toHaveText("us-east-1a");
  await expect(writer.fact("availability-zone")).toHaveText("us-east-1b");
  expect(await page.evaluate(() => (window as Window & { e2eMarker?: string }).e2eMarker)).toBe("still here");
  expect(await axeViolations(page)).toEqual([]);

  // One failover, not two: the refused request changed nothing.
  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(overview.failoverRows).toHaveCount(1);
  const row = overview.failoverRows.first();
  await expect(row.getByTestId("failover-why")).toHaveText("manual: RebootDBInstance with ForceFailover");
  await expect(row.getByTestId("failover-route")).toHaveText(
    "us-east-1a (production-myapp-a) → us-east-1b (production-myapp-b)",
  );
  await expect(row.getByTestId("failover-writes-unavailable")).toHaveText(/^\d+(\.\d)? m?s$/);
  await expect(row.getByTestId("failover-state")).toHaveText("completed");
  expect(await axeViolations(page)).toEqual([]);
});

test("reboot of a read replica from its page, with the keyboard", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto();
  // The overview's cards link to their instance pages.
  await overview.instance(REPLICA).getByTestId("instance-link").click();
  const replica = new InstancePage(page, REPLICA);
  await expect(replica.heading).toBeVisible();

  await replica.action("reboot").focus();
  await page.keyboard.press("Enter");
  await expect(replica.dialog).toBeVisible();
  await expect(replica.dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(replica.confirmButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(replica.dialog).toBeHidden();

  await expect(replica.transitions).toHaveText(/^available → rebooting/);
  await expect(replica.outcome).toHaveText(/^Reboot complete: the DB instance restarted after \d/, { timeout: 30_000 });
  await expect(replica.transitions).toHaveText("available → rebooting → available");
  await expect(replica.phases).toHaveCount(2);
  await expect(replica.events.getByTestId("event-message").filter({ hasText: "DB instance restarted" })).toHaveCount(1);
});
