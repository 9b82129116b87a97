import {
  CreateDBInstanceReadReplicaCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeEventsCommand,
  PromoteReadReplicaCommand,
  type RDSClient,
} from "@aws-sdk/client-rds";
import { expect, test } from "@playwright/test";
import { fleetRdsClient } from "./fleet-rds-client";
import { InstancePage } from "./instance-page";
import { OverviewPage } from "./overview-page";

const WRITER = "production-myapp";
// Its own instance: the fleet's writer has read replicas, which RDS never stops (nor stops them).
const STOPPABLE = "production-myapp-e2e-stoppable";

const statusOf = async (rds: RDSClient, id: string) =>
  (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })).catch(() => undefined))
    ?.DBInstances?.[0]?.DBInstanceStatus;

test("Stop and Start from the instance page: a malformed snapshot name refused, stopped, shown stopped, started again", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const rds = fleetRdsClient();
  try {
    // A replica promoted to standalone: a single-AZ instance with no replicas, created for this test only.
    await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: STOPPABLE,
        SourceDBInstanceIdentifier: WRITER,
      }),
    );
    await expect.poll(() => statusOf(rds, STOPPABLE), { timeout: 90_000 }).toBe("available");
    await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: STOPPABLE }));
    await expect.poll(() => statusOf(rds, STOPPABLE), { timeout: 90_000 }).toBe("available");

    // The writer, with replicas, is not offered a stop.
    const writer = new InstancePage(page, WRITER);
    await writer.goto();
    await expect(page.getByTestId("action-reboot")).toBeVisible();
    await expect(page.getByTestId("action-stop")).toHaveCount(0);

    const instance = new InstancePage(page, STOPPABLE);
    await instance.goto();
    await page.getByTestId("action-stop").click();
    await expect(instance.dialog).toContainText(`Stop ${STOPPABLE}?`);
    await instance.confirmInput.fill(STOPPABLE);
    const snapshot = instance.dialog.getByTestId("action-field-snapshot");
    await snapshot.fill("not a name!");
    await instance.confirmButton.click();
    await expect(instance.actionError).toContainText("a DB snapshot identifier has letters, digits and hyphens");
    await expect(snapshot).toHaveValue("not a name!");
    await snapshot.fill("");
    await instance.confirmButton.click();
    await expect(instance.dialog).toBeHidden();
    await expect(instance.status).toHaveText("stopped", { timeout: 60_000 });
    await expect(instance.transitions).toHaveText(/^available → stopping/);
    await expect(instance.outcome).toHaveText(`Done: ${STOPPABLE} is stopped.`);
    await expect(page.getByTestId("action-start")).toBeEnabled();
    await expect(page.getByTestId("action-reboot")).toHaveCount(0);
    await expect(page.getByTestId("action-modify")).toHaveCount(0);
    // As RDS: a stopped instance can still be snapshotted (and deleted, by an admin).
    await expect(page.getByTestId("action-snapshot")).toBeEnabled();
    // RDS's AutomaticRestartTime, 7 days on: a date, where an available instance shows "—".
    await expect(instance.fact("automatic-restart-time")).toHaveText(/\d{4}-\d{2}-\d{2}/);

    const overview = new OverviewPage(page);
    await overview.goto();
    await expect(overview.statusOf(overview.instance(STOPPABLE))).toHaveText("stopped");

    await instance.goto();
    await page.getByTestId("action-start").click();
    await expect(instance.dialog).toContainText(`Start ${STOPPABLE}?`);
    await instance.confirmButton.click();
    await expect(instance.dialog).toBeHidden();
    await expect(instance.status).toHaveText("available", { timeout: 90_000 });
    await expect(instance.transitions).toHaveText(/stopped → starting.*→ available$/);
    await expect(instance.outcome).toHaveText(`Done: ${STOPPABLE} is available.`);
    await expect(page.getByTestId("action-stop")).toBeEnabled();

    const messages = (
      (await rds.send(new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: STOPPABLE }))).Events ??
      []
    ).map((e) => e.Message);
    expect(messages).toEqual(expect.arrayContaining(["DB instance stopped.", "DB instance started."]));
  } finally {
    // Whatever failed above, the fleet leaves this spec as it came.
    if (await statusOf(rds, STOPPABLE)) {
      await expect.poll(() => statusOf(rds, STOPPABLE), { timeout: 90_000 }).toMatch(/^(available|failed|stopped)$/);
      await rds
        .send(
          new DeleteDBInstanceCommand({
            DBInstanceIdentifier: STOPPABLE,
            SkipFinalSnapshot: true,
            DeleteAutomatedBackups: true,
          }),
        )
        .catch((error: Error) => console.warn(`cleanup: ${error.message}`));
      await expect.poll(() => statusOf(rds, STOPPABLE), { timeout: 90_000 }).toBeUndefined();
    }
    rds.destroy();
  }
});
