import { DescribeDBInstancesCommand, ModifyDBInstanceCommand } from "@aws-sdk/client-rds";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { fleetRdsClient } from "./fleet-rds-client";
import { InstancePage } from "./instance-page";

const REPLICA = "production-myapp-replica-2";

test("Modify dialog: malformed input and RDS's refusal shown in the dialog; a class change queued for the maintenance window shows current → new", async ({
  page,
}) => {
  const rds = fleetRdsClient();
  const pendingInRds = async () =>
    (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: REPLICA }))).DBInstances?.[0]
      ?.PendingModifiedValues ?? {};
  try {
    const replica = new InstancePage(page, REPLICA);
    await replica.goto();
    await replica.action("modify").click();
    const dialog = replica.dialog;
    const field = (name: string) => dialog.getByTestId(`action-field-${name}`);
    await expect(dialog.getByText("Now: db.t3.micro.", { exact: false })).toBeVisible();

    // Malformed: refused by the form's schema, naming the field, keeping what was typed; nothing reaches RDS.
    await field("allocatedStorage").fill("thirty");
    await replica.confirmButton.click();
    await expect(replica.actionError).toContainText("allocatedStorage: expected a whole number of GiB");
    await expect(field("allocatedStorage")).toHaveValue("thirty");
    expect(await pendingInRds()).toEqual({});

    // Well-formed but refused by RDS: storage grows by at least 10 %.
    await field("allocatedStorage").fill("21");
    await replica.confirmButton.click();
    await expect(replica.actionError).toContainText("10 percent");
    expect(await pendingInRds()).toEqual({});

    const { violations } = await new AxeBuilder({ page }).include('[data-testid="confirm-dialog"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

    // Without "Apply now" the class change waits for the maintenance window.
    await field("allocatedStorage").fill("");
    await field("instanceClass").fill("db.t3.small");
    await replica.confirmButton.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("pending-modifications").first()).toContainText(
      "class db.t3.micro → db.t3.small — in the maintenance window",
    );
    expect(await pendingInRds()).toEqual({ DBInstanceClass: "db.t3.small" });
  } finally {
    // Asking for the class it has empties the queue: the fleet leaves this spec as it came.
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: REPLICA, DBInstanceClass: "db.t3.micro" }));
    rds.destroy();
  }
});
