import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { authState, E2E_ADMIN, E2E_USERS } from "./auth-files";
import { SignInPage } from "./sign-in-page";

setup(
  "the first admin signs in, must choose a new password, and creates an operator, a viewer, a user to lock out and one whose password changes",
  async ({ page, browser }) => {
    mkdirSync(path.dirname(authState("admin")), { recursive: true });
    const signIn = new SignInPage(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn.signIn(E2E_ADMIN.email, E2E_ADMIN.password);

    // The password came from the environment: until it is replaced, every page leads to the form that does it.
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("password-change-required")).toBeVisible();
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/account$/);
    const form = page.getByTestId("change-password-form");
    await form.getByLabel("Current password").fill(E2E_ADMIN.password);
    await form.getByLabel("New password (12+ characters)").fill(E2E_ADMIN.chosenPassword);
    await form.getByLabel("New password again").fill(E2E_ADMIN.chosenPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("signed-in-as")).toContainText(`${E2E_ADMIN.email} (admin)`);
    await page.context().storageState({ path: authState("admin") });

    await page.goto("/admin/users");
    await expect(page.getByTestId("password-change-required")).toHaveCount(0);
    const create = page.getByTestId("create-user");
    for (const [role, user] of Object.entries(E2E_USERS)) {
      await create.getByLabel("Email").fill(user.email);
      await create.getByLabel("Name").fill(`E2E ${role}`);
      await create.getByLabel("Role").selectOption(role === "operator" || role === "viewer" ? role : "viewer");
      await create.getByLabel(/Initial password/).fill(user.password);
      await create.getByRole("button", { name: "Create user" }).click();
      await expect(page.getByTestId("create-user-done")).toHaveText(user.email);
      await expect(page.locator(`[data-testid="user-row"][data-email="${user.email}"]`)).toBeVisible();
    }

    for (const role of ["operator", "viewer"] as const) {
      const context = await browser.newContext();
      const other = new SignInPage(await context.newPage());
      await other.goto();
      await other.signIn(E2E_USERS[role].email, E2E_USERS[role].password);
      await expect(other.page.getByTestId("signed-in-as")).toContainText(`(${role})`);
      await context.storageState({ path: authState(role) });
      await context.close();
    }
  },
);
