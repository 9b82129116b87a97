import { DescribeDBInstancesCommand, ModifyDBInstanceCommand, type RDSClient } from "@aws-sdk/client-rds";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { fleetRdsClient } from "./fleet-rds-client";
import { InstancePage } from "./instance-page";

const WRITER = "production-myapp";
const REPLICA = "production-myapp-replica-2";

const pendingInRds = async (rds: RDSClient, identifier: string) =>
  (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }))).DBInstances?.[0]
    ?.PendingModifiedValues ?? {};

/** An instance's page with its Modify dialog open. */
async function openModify(page: Page, identifier: string) {
  const instance = new InstancePage(page, identifier);
  await instance.goto();
  await instance.action("modify").click();
  const dialog = instance.dialog;
  return {
    instance,
    dialog,
    field: (name: string) => dialog.getByTestId(`action-field-${name}`),
    change: (name: string) => dialog.getByTestId(`modify-change-${name}`),
  };
}

test("Modify dialog: a live summary of current → new, now or in the maintenance window as Apply now says; malformed input and RDS's refusal shown with the form kept", async ({
  page,
}) => {
  const rds = fleetRdsClient();
  try {
    const { instance: replica, dialog, field, change } = await openModify(page, REPLICA);

    // Every setting starts at the instance's value; nothing changed, nothing to send.
    await expect(field("instanceClass")).toHaveValue("db.t3.micro");
    await expect(dialog.getByTestId("modify-current-instanceClass")).toHaveText("db.t3.micro");
    await expect(dialog.getByTestId("modify-nothing")).toBeVisible();
    await expect(replica.confirmButton).toBeDisabled();

    // The summary follows each change, and "Apply now" moves the class change from the window to now; a window
    // change applies at once either way.
    await field("instanceClass").selectOption("db.t3.small");
    await expect(change("instanceClass")).toContainText(
      "Instance class: db.t3.micro → db.t3.small — in the maintenance window (",
    );
    await field("backupWindow").fill("05:00-05:30");
    await expect(change("backupWindow")).toContainText("→ 05:00-05:30 UTC — now");
    await field("applyImmediately").check();
    await expect(change("instanceClass")).toContainText("db.t3.micro → db.t3.small — now");
    await field("applyImmediately").uncheck();
    await expect(change("instanceClass")).toContainText("— in the maintenance window (");
    await field("backupWindow").fill("");
    await field("instanceClass").selectOption("db.t3.micro");
    await expect(dialog.getByTestId("modify-nothing")).toBeVisible();

    // Malformed: refused by the form's schema, naming the field, keeping what was typed; nothing reaches RDS.
    await field("allocatedStorage").fill("thirty");
    await expect(change("allocatedStorage")).toContainText("20 GiB → thirty GiB");
    await replica.confirmButton.click();
    await expect(replica.actionError).toContainText("allocatedStorage: expected a whole number of GiB");
    await expect(field("allocatedStorage")).toHaveValue("thirty");
    expect(await pendingInRds(rds, REPLICA)).toEqual({});

    // Well-formed but refused by RDS: storage grows by at least 10 %.
    await field("allocatedStorage").fill("21");
    await replica.confirmButton.click();
    await expect(replica.actionError).toContainText("10 percent");
    expect(await pendingInRds(rds, REPLICA)).toEqual({});

    const { violations } = await new AxeBuilder({ page }).include('[data-testid="confirm-dialog"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  } finally {
    rds.destroy();
  }
});

test("Modify dialog: a class change queued for the replica's maintenance window shows on its page, and Apply now would take it along", async ({
  page,
}) => {
  const rds = fleetRdsClient();
  try {
    const { instance: replica, dialog, field } = await openModify(page, REPLICA);
    // Only what changed is sent.
    await field("instanceClass").selectOption("db.t3.small");
    await replica.confirmButton.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("pending-modifications").first()).toContainText(
      "class db.t3.micro → db.t3.small — in the maintenance window",
    );
    expect(await pendingInRds(rds, REPLICA)).toEqual({ DBInstanceClass: "db.t3.small" });

    // Apply now would take what is queued with it: the dialog says so before anything is sent.
    await replica.action("modify").click();
    await field("applyImmediately").check();
    await expect(dialog.getByTestId("modify-queued-too")).toHaveText(
      "What is already queued applies now too: class db.t3.micro → db.t3.small.",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
  } finally {
    // Asking for the class it has empties the queue: the fleet leaves this spec as it came.
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: REPLICA, DBInstanceClass: "db.t3.micro" }));
    rds.destroy();
  }
});

test("Modify dialog: Multi-AZ off, queued for the writer's maintenance window, shows on its page", async ({ page }) => {
  const rds = fleetRdsClient();
  try {
    const { instance: writer, dialog, field } = await openModify(page, WRITER);

    await expect(field("multiAz")).toHaveValue("true");
    await field("multiAz").selectOption("false");
    await expect(dialog.getByTestId("modify-change-multiAz")).toContainText(
      "Multi-AZ: on → off — in the maintenance window (",
    );
    await writer.confirmButton.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("pending-modifications").first()).toContainText(
      "Multi-AZ on → off — in the maintenance window",
    );
    expect(await pendingInRds(rds, WRITER)).toEqual({ MultiAZ: false });
  } finally {
    // Asking for the Multi-AZ it has empties the queue: the writer keeps its standby for the specs after this one.
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, MultiAZ: true }));
    expect(await pendingInRds(rds, WRITER)).toEqual({});
    rds.destroy();
  }
});
