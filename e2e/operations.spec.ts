import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { InstancePage } from "./instance-page";
import { connectAsMaster, e2eDataDir, openWriterConnections } from "./local-fleet-files";

// Runs last: it adds a restored instance and turns replica-2 into a standalone writer.
const WRITER = "production-myapp";
const REPLICA_2 = "production-myapp-replica-2";
const SNAPSHOT = "e2e-before-more-rows";
const RESTORED = "e2e-restored";
const NEW_REPLICA = "e2e-replica";
const FORM_SNAPSHOT = "e2e-from-the-form";
const PITR = "e2e-point-in-time";
const FROM_RETAINED = "e2e-from-retained";

test.describe.configure({ mode: "serial" });

async function rowsOn(host: string, port: number): Promise<number> {
  const client = await connectAsMaster(host, port);
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from e2e_snapshot_rows");
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
}

/** The ids in e2e_pitr on the instance whose page is open. */
async function pitrRowsOf(page: Page): Promise<number[]> {
  const { host, port } = await endpointOf(page);
  const client = await connectAsMaster(host, port);
  try {
    const { rows } = await client.query<{ id: number }>("select id from e2e_pitr order by id");
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** The endpoint the instance page's details show. */
async function endpointOf(page: Page): Promise<{ host: string; port: number }> {
  const fact = (slug: string) => page.getByTestId(`fact-${slug}`).locator("dd").textContent();
  return { host: (await fact("endpoint"))?.trim() ?? "", port: Number((await fact("port"))?.trim()) };
}

test("snapshot from the instance page, more writes, restore from the snapshots page: the restored instance holds exactly the snapshot", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const [writerDb] = await openWriterConnections(1);
  if (!writerDb) throw new Error("no writer connection");
  try {
    await writerDb.query("create table e2e_snapshot_rows (id int primary key)");
    await writerDb.query("insert into e2e_snapshot_rows select generate_series(1, 3)");

    const writer = new InstancePage(page, WRITER);
    await writer.goto();
    await page.getByTestId("action-snapshot").click();
    const field = writer.dialog.getByTestId("action-field-snapshot");
    await field.fill("not a name!");
    await writer.confirmButton.click();
    await expect(writer.actionError).toContainText("a DB snapshot identifier has letters, digits and hyphens");
    await expect(field).toHaveValue("not a name!");
    await field.fill(SNAPSHOT);
    await writer.confirmButton.click();
    await expect(writer.dialog).toBeHidden();
    await expect(writer.progress).toContainText(`Snapshot of ${WRITER}`);
    const row = page.locator(`[data-testid="snapshot-row"][data-snapshot="${SNAPSHOT}"]`);
    await expect(row.getByTestId("snapshot-status")).toHaveText("available", { timeout: 120_000 });
    await expect(writer.status).toHaveText("available");

    // Taken twice under one name: RDS's own refusal, readable.
    await page.getByTestId("action-snapshot").click();
    await writer.dialog.getByTestId("action-field-snapshot").fill(SNAPSHOT);
    await writer.confirmButton.click();
    await expect(writer.actionError).toContainText("already");
    await page.keyboard.press("Escape");

    await writerDb.query("insert into e2e_snapshot_rows select generate_series(4, 5)");
  } finally {
    await writerDb.end();
  }

  await page.goto("/snapshots");
  await expect(page.getByRole("heading", { level: 1, name: "Snapshots" })).toBeVisible();
  const row = page.locator(`[data-testid="snapshot-row"][data-snapshot="${SNAPSHOT}"]`);
  await row.getByTestId("restore-snapshot").click();
  const dialog = page.getByTestId("confirm-dialog");
  await dialog.getByTestId("dialog-field-instance").fill(WRITER);
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog.getByTestId("action-error")).toContainText("already");
  // The refusal keeps what was typed, to be corrected rather than typed again.
  await expect(dialog.getByTestId("dialog-field-instance")).toHaveValue(WRITER);
  await dialog.getByTestId("dialog-field-instance").fill(RESTORED);
  await dialog.getByTestId("confirm-action").click();

  await expect(page).toHaveURL(new RegExp(`/instances/${RESTORED}$`));
  const restored = new InstancePage(page, RESTORED);
  await expect(restored.status).toHaveText("available", { timeout: 180_000 });
  const { host, port } = await endpointOf(page);
  expect(await rowsOn(host, port)).toBe(3);
  await expect(page.getByTestId("alarms-not-created")).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await page.goto("/alarms");
  await expect(page.locator(`[data-testid="alarm-row"][data-alarm="${RESTORED}-free-storage-space"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="alarm-row"][data-alarm="${RESTORED}-replica-lag"]`)).toHaveCount(0);
});

test("restore to a point in time from the writer's page: a bad time is refused, then a moment between two commits", async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The first automated backup (the engine takes one on SIGUSR2, as npm run fleet:backup does) opens the window.
  const engine = JSON.parse(readFileSync(path.join(e2eDataDir(), "engine.json"), "utf8")) as { pid: number };
  process.kill(engine.pid, "SIGUSR2");
  const writer = new InstancePage(page, WRITER);
  await expect
    .poll(
      async () => {
        await writer.goto();
        return page.getByTestId("action-restore-to-time").count();
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(1);

  const [writerDb] = await openWriterConnections(1);
  if (!writerDb) throw new Error("no writer connection");
  let restoreTime: Date;
  try {
    await writerDb.query("create table e2e_pitr (id int primary key)");
    const commitOf = async (id: number) => {
      await writerDb.query("insert into e2e_pitr values ($1)", [id]);
      const { rows } = await writerDb.query<{ at: Date }>(
        "select pg_xact_commit_timestamp(xmin) as at from e2e_pitr where id = $1",
        [id],
      );
      return rows[0]!.at;
    };
    const first = await commitOf(1);
    await new Promise((r) => setTimeout(r, 2_200));
    const second = await commitOf(2);
    // The first whole second after the first commit: before the second, which came over two seconds later.
    restoreTime = new Date(Math.ceil(first.getTime() / 1000) * 1000);
    expect(restoreTime.getTime()).toBeLessThan(second.getTime());
    await expect
      .poll(
        async () => {
          await writer.goto();
          const at = await writer.fact("latest-restorable-time").locator("time").getAttribute("datetime");
          return at ? Date.parse(at) >= second.getTime() : false;
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(true);
  } finally {
    await writerDb.end();
  }

  await page.getByTestId("action-restore-to-time").click();
  await expect(writer.dialog).toContainText("Latest restorable time");
  const target = writer.dialog.getByTestId("action-field-target");
  const time = writer.dialog.getByTestId("action-field-restoreTime");
  await target.fill(PITR);
  await time.fill("yesterday");
  await writer.confirmButton.click();
  await expect(writer.actionError).toContainText("restoreTime: expected a UTC time such as 2026-12-06 09:15:30");
  await expect(time).toHaveValue("yesterday");
  await time.fill("2099-01-01 00:00:00");
  await writer.confirmButton.click();
  await expect(writer.actionError).toContainText("outside the restorable window");
  await time.fill(restoreTime.toISOString().slice(0, 19).replace("T", " "));
  await writer.confirmButton.click();

  await expect(page).toHaveURL(new RegExp(`/instances/${PITR}$`));
  const restored = new InstancePage(page, PITR);
  await expect(restored.status).toHaveText("available", { timeout: 180_000 });
  expect(await pitrRowsOf(page)).toEqual([1]);
});

test("the snapshots page lists automated backups with their windows; a deleted instance's kept ones restore from there, then are deleted", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const backupRow = (instance: string) =>
    page.locator(`[data-testid="automated-backup-row"][data-instance="${instance}"]`);
  // The restored instance's first automated backup opens its window.
  const engine = JSON.parse(readFileSync(path.join(e2eDataDir(), "engine.json"), "utf8")) as { pid: number };
  process.kill(engine.pid, "SIGUSR2");
  await page.goto("/snapshots");
  await expect(backupRow(WRITER).getByTestId("automated-backup-status")).toHaveText("active");
  await expect(backupRow(WRITER).getByTestId("restorable-from").locator("time")).toHaveCount(1);
  await expect
    .poll(
      async () => {
        await page.goto("/snapshots");
        return backupRow(PITR).getByTestId("restorable-to").locator("time").count();
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(1);

  // Deleted with its automated backups kept: the row stays, retained.
  const instance = new InstancePage(page, PITR);
  await instance.goto();
  await page.getByTestId("action-delete").click();
  await instance.confirmInput.fill(PITR);
  await instance.dialog.getByTestId("action-field-skipFinalSnapshot").check();
  await instance.dialog.getByTestId("action-field-retainAutomatedBackups").check();
  await instance.confirmButton.click();
  await expect(page).toHaveURL(/\/\?deleting=/);
  await expect(page.getByTestId(`instance-${PITR}`)).toHaveCount(0, { timeout: 60_000 });
  await page.goto("/snapshots");
  const retained = backupRow(PITR);
  await expect(retained.getByTestId("automated-backup-status")).toHaveText("retained");
  await expect(retained.getByRole("link")).toHaveCount(0);

  // Restored from the retained backup: a bad time is refused keeping what was typed, then the latest.
  await retained.getByTestId("restore-backup").click();
  const dialog = page.getByTestId("confirm-dialog");
  const target = dialog.getByTestId("dialog-field-target");
  const time = dialog.getByTestId("dialog-field-restoreTime");
  await target.fill(FROM_RETAINED);
  await time.fill("noon");
  await dialog.getByTestId("confirm-action").click();
  await expect(page.getByTestId("action-error")).toContainText(
    "restoreTime: expected a UTC time such as 2026-12-06 09:15:30",
  );
  await expect(time).toHaveValue("noon");
  await expect(target).toHaveValue(FROM_RETAINED);
  await time.fill("");
  await dialog.getByTestId("confirm-action").click();
  await expect(page).toHaveURL(new RegExp(`/instances/${FROM_RETAINED}$`));
  const fromRetained = new InstancePage(page, FROM_RETAINED);
  await expect(fromRetained.status).toHaveText("available", { timeout: 180_000 });
  expect(await pitrRowsOf(page)).toEqual([1]);

  // Deleting the retained backups needs the deleted instance's name typed again; then the row is gone.
  await page.goto("/snapshots");
  await backupRow(PITR).getByTestId("delete-backup").click();
  await expect(dialog.getByTestId("confirm-action")).toBeDisabled();
  await dialog.getByTestId("confirm-identifier").fill(PITR);
  await dialog.getByTestId("confirm-action").click();
  await expect(backupRow(PITR)).toHaveCount(0, { timeout: 30_000 });
});

test("a read replica promoted from its page becomes a standalone writer that takes writes", async ({ page }) => {
  test.setTimeout(120_000);
  const replica = new InstancePage(page, REPLICA_2);
  await replica.goto();
  await page.getByTestId("action-promote").click();
  await expect(replica.confirmButton).toBeDisabled();
  await replica.confirmInput.fill(REPLICA_2);
  await replica.confirmButton.click();
  await expect(replica.dialog).toBeHidden();
  await expect(replica.progress).toContainText(`Promotion of ${REPLICA_2}`);
  await expect(replica.outcome).toHaveText(`Done: ${REPLICA_2} is available.`, { timeout: 90_000 });
  await expect(page.getByTestId("action-promote")).toHaveCount(0);
  await expect(page.getByTestId("action-snapshot")).toBeVisible();

  const { host, port } = await endpointOf(page);
  const db = await connectAsMaster(host, port);
  try {
    await db.query("create table e2e_promoted (id int)");
    await db.query("insert into e2e_promoted values (1)");
  } finally {
    await db.end();
  }

  await page.goto("/");
  await expect(page.getByTestId(`topology-${REPLICA_2}`)).toBeVisible();
  await expect(page.getByTestId(`topology-${WRITER}`).getByTestId(`instance-${REPLICA_2}`)).toHaveCount(0);
});

test("a read replica created from the writer's page streams the writer's data", async ({ page }) => {
  test.setTimeout(180_000);
  const writer = new InstancePage(page, WRITER);
  await writer.goto();
  await page.getByTestId("action-create-replica").click();
  const field = writer.dialog.getByTestId("action-field-replica");
  await field.fill(REPLICA_2);
  await writer.confirmButton.click();
  await expect(writer.actionError).toContainText("already");
  await field.fill(NEW_REPLICA);
  await writer.confirmButton.click();

  await expect(page).toHaveURL(new RegExp(`/instances/${NEW_REPLICA}$`));
  const replica = new InstancePage(page, NEW_REPLICA);
  await expect(replica.status).toHaveText("available", { timeout: 150_000 });
  await expect(replica.fact("replicates-from")).toHaveText(WRITER);
  const { host, port } = await endpointOf(page);
  // Rows the writer had before the replica existed, and (through the snapshot test) after.
  await expect.poll(() => rowsOn(host, port), { timeout: 30_000 }).toBe(5);

  // It was given the alarms every replica of the fleet has, copied from a sibling's.
  await expect(page.getByTestId("alarms-not-created")).toHaveCount(0);
  await page.goto("/alarms");
  for (const alarm of [`${NEW_REPLICA}-free-storage-space`, `${NEW_REPLICA}-replica-lag`]) {
    await expect(page.locator(`[data-testid="alarm-row"][data-alarm="${alarm}"]`)).toContainText(NEW_REPLICA);
  }
});

test("a snapshot is taken from the snapshots page; a bad or taken name is refused, keeping what was typed", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/snapshots");
  const form = page.getByTestId("create-snapshot-form");
  const name = form.getByLabel("Snapshot identifier");
  await form.getByLabel("DB instance").selectOption(WRITER);

  await name.fill("two--hyphens");
  await form.getByRole("button", { name: "Take snapshot" }).click();
  await expect(form.getByTestId("create-snapshot-error")).toContainText("no trailing or doubled hyphen");
  await expect(name).toHaveValue("two--hyphens");

  await name.fill(SNAPSHOT);
  await form.getByRole("button", { name: "Take snapshot" }).click();
  await expect(form.getByTestId("create-snapshot-error")).toContainText("already");

  await name.fill(FORM_SNAPSHOT);
  await form.getByRole("button", { name: "Take snapshot" }).click();
  await expect(form.getByTestId("create-snapshot-done")).toHaveText(
    `Snapshot ${FORM_SNAPSHOT} of ${WRITER} is being created.`,
  );
  const row = page.locator(`[data-testid="snapshot-row"][data-snapshot="${FORM_SNAPSHOT}"]`);
  await expect(row.getByTestId("snapshot-status")).toHaveText("available", { timeout: 90_000 });
  await expect(row).toContainText(WRITER);
});

test("a manual snapshot is deleted from the snapshots page behind its typed name", async ({ page }) => {
  await page.goto("/snapshots");
  const row = page.locator(`[data-testid="snapshot-row"][data-snapshot="${SNAPSHOT}"]`);
  await row.getByTestId("delete-snapshot").click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog.getByTestId("confirm-action")).toBeDisabled();
  await dialog.getByTestId("confirm-identifier").fill(SNAPSHOT);
  await dialog.getByTestId("confirm-action").click();
  // The same response re-renders the list: the row goes (RDS shows it `deleting` first where deletion takes time).
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("action-error")).toHaveCount(0);
});

test("the restored instance is deleted behind a typed confirmation, without a final snapshot", async ({ page }) => {
  test.setTimeout(120_000);
  const restored = new InstancePage(page, RESTORED);
  await restored.goto();
  await page.getByTestId("action-delete").click();
  await restored.confirmInput.fill(RESTORED);
  // Neither a final snapshot's name nor the choice to skip it: refused, naming the field.
  await restored.dialog.getByTestId("action-field-finalSnapshot").fill("");
  await restored.confirmButton.click();
  await expect(restored.actionError).toContainText("Name the final snapshot, or choose to skip it");
  await restored.dialog.getByTestId("action-field-skipFinalSnapshot").check();
  await restored.confirmButton.click();
  await expect(page).toHaveURL(/\/\?deleting=/);
  await expect(page.getByRole("status").filter({ hasText: `DB instance ${RESTORED} is being deleted` })).toBeVisible();
  await expect(page.getByTestId(`instance-${RESTORED}`)).toHaveCount(0, { timeout: 60_000 });
});
