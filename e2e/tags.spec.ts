import {
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  RemoveTagsFromResourceCommand,
} from "@aws-sdk/client-rds";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { fleetRdsClient } from "./fleet-rds-client";
import { InstancePage } from "./instance-page";

const WRITER = "production-myapp";
const KEY = "e2e-team";
const VALUE = "data platform";

test("tags on the instance page: a malformed one refused keeping what was typed, one added (and listed by RDS), removed", async ({
  page,
}) => {
  const rds = fleetRdsClient();
  const arn = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: WRITER }))).DBInstances?.[0]
    ?.DBInstanceArn;
  if (!arn) throw new Error(`no ARN for ${WRITER}`);
  const rdsTags = async () => (await rds.send(new ListTagsForResourceCommand({ ResourceName: arn }))).TagList ?? [];
  try {
    const writer = new InstancePage(page, WRITER);
    await writer.goto();
    const section = page.getByTestId("instance-tags");
    // The tags the fleet's instances carry from the start, as the CDK stack's do.
    await expect(section.locator('[data-testid="tag-row"][data-key="Name"]').getByTestId("tag-value")).toHaveText(
      WRITER,
    );

    const form = page.getByTestId("add-tag-form");
    const key = form.getByTestId("tag-key-input");
    const value = form.getByTestId("tag-value-input");
    await key.fill("aws:team");
    await value.fill(VALUE);
    await form.getByRole("button", { name: "Add tag" }).click();
    await expect(form.getByTestId("add-tag-error")).toContainText(
      "Tag key: must not start with aws: or rds: (reserved by AWS)",
    );
    await expect(key).toHaveValue("aws:team");
    await expect(value).toHaveValue(VALUE);
    expect((await rdsTags()).map((t) => t.Key)).not.toContain("aws:team");

    await key.fill(KEY);
    await form.getByRole("button", { name: "Add tag" }).click();
    await expect(form.getByTestId("add-tag-done")).toHaveText(`Tag ${KEY} set on ${WRITER}.`);
    const row = section.locator(`[data-testid="tag-row"][data-key="${KEY}"]`);
    await expect(row.getByTestId("tag-value")).toHaveText(VALUE);
    await expect(key).toHaveValue("");
    expect(await rdsTags()).toContainEqual({ Key: KEY, Value: VALUE });

    const { violations } = await new AxeBuilder({ page }).include('[data-testid="instance-tags"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

    await row.getByRole("button", { name: `Remove tag ${KEY}` }).click();
    await expect(row).toHaveCount(0);
    expect((await rdsTags()).map((t) => t.Key)).not.toContain(KEY);
  } finally {
    // Whatever failed above, the fleet leaves this spec as it came.
    await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: [KEY] }));
    rds.destroy();
  }
});
