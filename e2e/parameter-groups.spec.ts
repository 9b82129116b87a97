import { DeleteDBParameterGroupCommand, ModifyDBInstanceCommand } from "@aws-sdk/client-rds";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { authState } from "./auth-files";
import { fleetRdsClient } from "./fleet-rds-client";

const GROUP = "production-myapp-e2e";
const REPLICA = "production-myapp-replica-2";

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("parameter groups: malformed input refused keeping it, a group created, a value set, an instance switched and rebooted into sync", async ({
  page,
}) => {
  const rds = fleetRdsClient();
  try {
    await page.goto("/parameter-groups");
    await expect(page.getByTestId("parameter-groups")).toContainText("default.postgres17");
    await axe(page);

    const create = page.getByTestId("create-parameter-group-form");
    const name = create.getByLabel("Group name");
    await name.fill("1-bad-name");
    await create.getByLabel("Description").fill("e2e tuning");
    await create.getByRole("button", { name: "Create group" }).click();
    await expect(create.getByTestId("create-parameter-group-error")).toBeVisible();
    await expect(name).toHaveValue("1-bad-name");
    await name.fill(GROUP);
    await create.getByRole("button", { name: "Create group" }).click();
    await expect(page).toHaveURL(`/parameter-groups/${GROUP}`);
    await expect(page.getByTestId("group-unused")).toBeVisible();

    await page.getByTestId("parameter-filter").fill("work_mem");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    // Part of a name or of a description: hash_mem_multiplier's mentions work_mem too.
    await expect(page.getByTestId("parameter-table")).not.toContainText("max_connections");
    await page.getByTestId("edit-work_mem").click();
    const dialog = page.getByTestId("confirm-dialog");
    const value = dialog.getByTestId("dialog-field-value");
    await value.fill("lots");
    await dialog.getByTestId("confirm-action").click();
    await expect(dialog.getByTestId("action-error")).toContainText("work_mem allowed values are: 64-2147483647");
    await expect(value).toHaveValue("lots");
    await value.fill("16384");
    await dialog.getByTestId("confirm-action").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("work_mem set to 16384")).toBeVisible();
    await expect(page.getByTestId("parameter-work_mem").getByTestId("parameter-value")).toHaveText("16384");
    await axe(page);

    const assign = page.getByTestId("assign-parameter-group-form");
    await assign.getByLabel("DB instance").selectOption(REPLICA);
    await assign.getByRole("button", { name: `Use ${GROUP}` }).click();
    await expect(assign.getByTestId("assign-parameter-group-done")).toContainText("pending-reboot");
    const row = page.getByTestId(`group-instance-${REPLICA}`);
    await expect(row.getByTestId("apply-status")).toHaveText("pending-reboot");

    // A static parameter's edit says which instance it reaches, and that it waits for the reboot.
    await page.getByTestId("parameter-filter").fill("max_connections");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.getByTestId("edit-max_connections").click();
    await expect(page.getByTestId("confirm-dialog")).toContainText(`pending-reboot`);
    await expect(page.getByTestId("confirm-dialog")).toContainText(`Instances using ${GROUP}: ${REPLICA}.`);
    await page.keyboard.press("Escape");

    await row.getByTestId(`reboot-${REPLICA}`).click();
    await page.getByTestId("confirm-dialog").getByTestId("confirm-action").click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId(`group-instance-${REPLICA}`).getByTestId("apply-status")).toHaveText("in-sync", {
        timeout: 1_000,
      });
    }).toPass({ timeout: 60_000 });
  } finally {
    // The fleet leaves this spec as it came: the replica back on the default group, the group gone.
    await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: REPLICA, DBParameterGroupName: "default.postgres17" }),
    );
    await rds.send(new DeleteDBParameterGroupCommand({ DBParameterGroupName: GROUP })).catch(() => undefined);
    rds.destroy();
  }
});

test("a viewer reads a group's parameters but is offered no change", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authState("viewer") });
  try {
    const page = await context.newPage();
    await page.goto("/parameter-groups/default.postgres17?source=system");
    await expect(page.getByTestId("parameter-port")).toContainText("system");
    await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByTestId("create-parameter-group-form")).toHaveCount(0);
    await page.goto("/parameter-groups/default.postgres17?source=admin");
    await expect(page.getByTestId("invalid-query")).toContainText("expected user, system or engine-default");
  } finally {
    await context.close();
  }
});
