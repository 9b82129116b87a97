import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { postmasterPid } from "./local-fleet-files";
import { OverviewPage } from "./overview-page";

// The local fleet's default shape (infra/fleet.ts): a Multi-AZ writer and two read replicas.
const WRITER = "production-myapp";
const REPLICA_1 = "production-myapp-replica-1";
const REPLICAS = [REPLICA_1, "production-myapp-replica-2"];

// The last test kills a replica, so the order matters.
test.describe.configure({ mode: "serial" });

test("GET / shows the writer, its Multi-AZ standby and both read replicas, all available", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(overview.heading).toBeVisible();

  const nodes = [
    { card: overview.instance(WRITER), role: "writer" },
    { card: overview.standbyOf(WRITER), role: "standby" },
    ...REPLICAS.map((id) => ({ card: overview.instance(id), role: "replica" })),
  ];
  for (const { card, role } of nodes) {
    await expect(overview.roleOf(card)).toHaveText(role);
    await expect(overview.statusOf(card)).toHaveText("available");
  }
  await expect(overview.standbyOf(WRITER)).toContainText("synchronous");
  for (const id of REPLICAS) await expect(overview.instance(id)).toContainText("asynchronous");
  await expect(page.getByTestId("status")).toHaveCount(nodes.length);
});

test("GET / passes an axe check", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(overview.instance(WRITER)).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("GET / works with a keyboard: skip link, then Refresh now", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press("Tab");
  await expect(overview.refreshButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("updated-ago")).toHaveText(/Updated \d+s ago/);
});

test("a replica whose postgres is killed turns failed on the open page, without a reload", async ({ page }) => {
  const overview = new OverviewPage(page);
  const replica = overview.instance(REPLICA_1);
  await overview.goto();
  await expect(overview.statusOf(replica)).toHaveText("available");
  // A marker that a reload would wipe: the page's own refresh must bring the change.
  await page.evaluate(() => {
    (window as Window & { e2eMarker?: string }).e2eMarker = "still here";
  });

  process.kill(postmasterPid(REPLICA_1), "SIGKILL");

  await expect(overview.statusOf(replica)).toHaveText("failed", { timeout: 15_000 });
  expect(await page.evaluate(() => (window as Window & { e2eMarker?: string }).e2eMarker)).toBe("still here");
  await expect(overview.statusOf(overview.instance(WRITER))).toHaveText("available");
});
