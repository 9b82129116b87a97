import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { mintedSecretsFile } from "../scripts/secret-scan/collect-secrets";
import { E2E_ADMIN, wrongPassword } from "./auth-files";
import { e2eDataDir } from "./local-fleet-files";

/** Recorded for the run's secret check, which fails if the key shows up in any log. */
function recordMinted(name: string, key: string): void {
  const ledger = mintedSecretsFile(e2eDataDir());
  mkdirSync(path.dirname(ledger), { recursive: true });
  appendFileSync(ledger, `${JSON.stringify({ name, value: key })}\n`);
}

/**
 * An admin mints a key, shown once, and an application uses it. The key is
 * recorded for the run's secret check (scripts/run-e2e.ts), which fails if it
 * shows up in any log of the run: the request that carried it included.
 */
test("an API key is shown once, works as a Bearer token, and a wrong one gets 401", async ({ page, request }) => {
  await page.goto("/admin/api-keys");
  const form = page.getByTestId("create-api-key");
  await form.getByLabel("Name").fill("e2e-read");
  await form.getByLabel("Scope").selectOption("read");
  await form.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key-value").textContent())?.trim() ?? "";
  expect(key).toMatch(/^rdk_[A-Za-z0-9_-]{43}$/);
  recordMinted("API key e2e-read", key);

  // Every app process reloads the active keys every 2 s: the users API may be served by one that has not yet.
  const bearer = { authorization: `Bearer ${key}` };
  await expect
    .poll(async () => (await request.get("/api/v1/users?limit=1", { headers: bearer })).status(), { timeout: 10_000 })
    .toBe(200);
  const wrong = await request.get("/api/v1/users?limit=1", { headers: { authorization: `Bearer ${key}x` } });
  expect(wrong.status()).toBe(401);
  expect(await wrong.text()).not.toContain(key);

  // Shown once: after a reload the page lists the key by its prefix only.
  await page.reload();
  await expect(page.locator('[data-testid="api-key-row"][data-name="e2e-read"]')).toBeVisible();
  expect(await page.content()).not.toContain(key);
});

test("a read-write key asks for the admin's password again, and may expire: the list shows when", async ({
  page,
  request,
}) => {
  await page.goto("/admin/api-keys");
  const form = page.getByTestId("create-api-key");
  await form.getByLabel("Name").fill("e2e-read-write");
  await form.getByLabel("Scope").selectOption("read-write");
  await form.getByLabel(/Expires after/).fill("30");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByTestId("create-api-key-error")).toContainText("expected your current password");
  await form.getByLabel(/Your password/).fill(wrongPassword(2));
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByTestId("create-api-key-error")).toContainText("Your current password is not that one");
  await expect(form.getByTestId("new-api-key-value")).toHaveCount(0);

  await form.getByLabel(/Your password/).fill(E2E_ADMIN.chosenPassword);
  await form.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key-value").textContent())?.trim() ?? "";
  expect(key).toMatch(/^rdk_[A-Za-z0-9_-]{43}$/);
  recordMinted("API key e2e-read-write", key);
  const bearer = { authorization: `Bearer ${key}` };
  await expect
    .poll(async () => (await request.get("/api/v1/users?limit=1", { headers: bearer })).status(), { timeout: 10_000 })
    .toBe(200);
  const created = await request.post("/api/v1/users", {
    headers: bearer,
    data: { name: "E2E key user", email: "e2e-key-user@example.com" },
  });
  expect(created.status()).toBe(201);

  await page.reload();
  const row = page.locator('[data-testid="api-key-row"][data-name="e2e-read-write"]');
  const expected = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await expect(row.getByTestId("api-key-expires")).toContainText(expected);
  await expect(
    page.locator('[data-testid="api-key-row"][data-name="e2e-read"]').getByTestId("api-key-expires"),
  ).toHaveText("never");
});
