import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { openWriterConnections } from "./local-fleet-files";
import { LogsPage } from "./logs-page";

// Runs as the viewer, before writer-down.spec.ts freezes the writer (playwright.config.ts wires the projects).
const WRITER = "production-myapp";

/** A statement that fails on the writer: postgres logs its ERROR and the statement. */
async function failOnWriter(table: string): Promise<void> {
  const [db] = await openWriterConnections(1);
  if (!db) throw new Error("no connection to the writer");
  try {
    await expect(db.query(`select * from ${table}`)).rejects.toThrow(/does not exist/);
  } finally {
    await db.end();
  }
}

test("GET /instances/:id/logs shows the writer's log with a failed statement's ERROR highlighted, follows it, searches it, downloads it", async ({
  page,
}) => {
  const before = `e2e_missing_${randomBytes(4).toString("hex")}`;
  const after = `e2e_followed_${randomBytes(4).toString("hex")}`;
  await failOnWriter(before);

  await page.goto(`/instances/${WRITER}`);
  await page.getByTestId("instance-logs-link").click();
  const logs = new LogsPage(page, WRITER);
  await expect(logs.heading).toBeVisible();
  await expect(logs.sqlNotice).toContainText("SQL text");
  await expect(logs.files.first()).toContainText(/error\/postgresql\.log\.\d{4}-\d{2}-\d{2}-\d{2}/);
  await expect(logs.severity("ERROR").filter({ hasText: `relation "${before}" does not exist` })).toHaveCount(1);
  await expect(logs.lines.filter({ hasText: `STATEMENT:  select * from ${before}` })).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // Follow live: an error made after the page opened shows up, highlighted, without a reload.
  await logs.follow.check();
  await failOnWriter(after);
  await expect(logs.severity("ERROR").filter({ hasText: `relation "${after}" does not exist` })).toHaveCount(1, {
    timeout: 15_000,
  });

  // Search: only the lines that mention the first table stay, and the URL can be shared.
  await logs.search(before.toUpperCase());
  await expect(page).toHaveURL(new RegExp(`search=${before.toUpperCase()}`));
  await expect(logs.lines).toHaveCount(2);
  for (const text of await logs.lines.allTextContents()) expect(text.toLowerCase()).toContain(before);

  // Download: the whole current file, both errors in it.
  const [download] = await Promise.all([page.waitForEvent("download"), logs.download.click()]);
  expect(download.suggestedFilename()).toMatch(
    /^production-myapp-error-postgresql\.log\.\d{4}-\d{2}-\d{2}-\d{2}\.txt$/,
  );
  const file = readFileSync(await download.path(), "utf8");
  expect(file).toContain(`ERROR:  relation "${before}" does not exist`);
  expect(file).toContain(`ERROR:  relation "${after}" does not exist`);
  expect(file.endsWith("\n")).toBe(true);
});

test("GET /instances/:id/logs refuses a malformed file name or search, naming the parameter", async ({ page }) => {
  await page.goto(
    `/instances/${WRITER}/logs?file=${encodeURIComponent("../credentials.json")}&search=${"x".repeat(201)}`,
  );
  const refusal = page.getByTestId("invalid-query");
  await expect(refusal).toContainText("file");
  await expect(refusal).toContainText("search");
  // The newest file is shown instead.
  await expect(new LogsPage(page, WRITER).lines.first()).toBeVisible();
  const response = await page.request.get(`/instances/${WRITER}/logs/download?file=..%2Fcredentials.json`);
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ code: "validation_failed", details: [{ field: "file" }] });
});
