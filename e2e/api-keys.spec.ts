import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { mintedSecretsFile } from "../scripts/secret-scan/collect-secrets";
import { e2eDataDir } from "./local-fleet-files";

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
  const ledger = mintedSecretsFile(e2eDataDir());
  mkdirSync(path.dirname(ledger), { recursive: true });
  appendFileSync(ledger, `${JSON.stringify({ name: "API key e2e-read", value: key })}\n`);

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
