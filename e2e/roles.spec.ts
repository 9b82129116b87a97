import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  authState,
  E2E_ADMIN,
  E2E_NEW_PASSWORDS,
  E2E_USERS,
  type E2eRole,
  WRONG_PASSWORD_ATTEMPTS,
  wrongPassword,
} from "./auth-files";
import { InstancePage } from "./instance-page";
import { SignInPage } from "./sign-in-page";

const REPLICA = "production-myapp-replica-2";

test.describe.configure({ mode: "serial" });

async function as(browser: Browser, role: E2eRole): Promise<Page> {
  const context = await browser.newContext({ storageState: authState(role) });
  return context.newPage();
}

/** The audit page, filtered, as an admin sees it. */
async function auditRows(browser: Browser, query: Record<string, string>) {
  const page = await as(browser, "admin");
  await page.goto(`/audit?${new URLSearchParams(query)}`);
  return page.getByTestId("audit-row");
}

test("a page without a session goes to the sign-in page, and comes back after it", async ({ page }) => {
  await page.goto(`/instances/${REPLICA}`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/instances/${REPLICA}`)}$`));
  await new SignInPage(page).signIn(E2E_USERS.viewer.email, E2E_USERS.viewer.password);
  await expect(page).toHaveURL(new RegExp(`/instances/${REPLICA}$`));
});

test("sign-in never sends you to another site, whatever next= says", async ({ browser }) => {
  // Raw query strings, as a link in a phishing mail would carry them: a tab passes a "//" check and browsers drop it.
  for (const query of ["next=%2F%09%2Fevil.example%2Fx", "next=%2F%2Fevil.example%2Fx", "next=%2F%5Cevil.example"]) {
    const page = await (await browser.newContext()).newPage();
    const offSite: string[] = [];
    // By host: the sign-in page's own URL carries "evil.example" in its query.
    await page.route(
      (url) => url.hostname.endsWith("evil.example"),
      async (route) => {
        offSite.push(route.request().url());
        await route.abort();
      },
    );
    await page.goto(`/sign-in?${query}`);
    await new SignInPage(page).signIn(E2E_USERS.viewer.email, E2E_USERS.viewer.password);
    await expect(page.getByTestId("signed-in-as")).toContainText(E2E_USERS.viewer.email);
    expect(new URL(page.url()).origin, query).toBe(new URL(test.info().project.use.baseURL ?? "").origin);
    expect(offSite, query).toEqual([]);
    await page.context().close();
  }
});

test("a viewer reads every page but is offered no action, and admin pages answer 403", async ({ browser }) => {
  const page = await as(browser, "viewer");
  const replica = new InstancePage(page, REPLICA);
  await replica.goto();
  await expect(replica.heading).toBeVisible();
  await expect(page.getByTestId("actions-need-operator")).toBeVisible();
  await expect(page.getByTestId("actions-panel")).toHaveCount(0);
  await page.goto("/alarms");
  await expect(page.getByTestId("create-alarm-form")).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByTestId("audit-table")).toBeVisible();
  for (const path of ["/admin/users", "/admin/api-keys"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("a viewer who forges an operator's reboot request gets 403, nothing happens, and the audit records it", async ({
  browser,
}) => {
  // A real reboot request, captured from an operator's page and held back…
  const operator = await as(browser, "operator");
  const replica = new InstancePage(operator, REPLICA);
  await replica.goto();
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer | null }>((resolve) => {
    void operator.route(`**/instances/${REPLICA}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer() });
      await route.abort();
    });
  });
  await replica.action("reboot").click();
  await replica.confirmButton.click();
  const { headers, body } = await captured;

  // …then sent with the viewer's session instead.
  const viewer = await as(browser, "viewer");
  const { cookie: _operatorCookie, ...rest } = headers;
  const response = await viewer.request.post(`/instances/${REPLICA}`, { headers: rest, data: body ?? "" });
  expect(response.status()).toBe(403);

  const rows = await auditRows(browser, { action: "reboot", actor: E2E_USERS.viewer.email, outcome: "denied" });
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("audit-target")).toHaveText("—");
  await expect(rows.first()).toContainText("needs the operator role");
  const page = await as(browser, "viewer");
  await new InstancePage(page, REPLICA).goto();
  await expect(new InstancePage(page, REPLICA).status).toHaveText("available");
});

test("an operator reboots a replica from its page, and the audit records who, what and the outcome", async ({
  browser,
}) => {
  const page = await as(browser, "operator");
  const query = { action: "reboot", actor: E2E_USERS.operator.email, outcome: "ok" };
  // Other specs' operators reboot too (the parameter groups spec does): this one adds exactly one entry, the newest.
  const before = await (await auditRows(browser, query)).count();
  const replica = new InstancePage(page, REPLICA);
  await replica.goto();
  await replica.action("reboot").click();
  await replica.confirmButton.click();
  await expect(replica.status).toHaveText("rebooting", { timeout: 15_000 });
  await expect(replica.status).toHaveText("available", { timeout: 60_000 });
  const rows = await auditRows(browser, query);
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.first().getByTestId("audit-target")).toHaveText(REPLICA);
  await expect(rows.first()).toContainText("operator");
});

test("a cross-site POST to the sign-in action is refused (Next's Origin check) and sets no session", async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  // The viewer's real credentials, in a complete action request captured and held back, replayed from elsewhere.
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer | null }>((resolve) => {
    void page.route("**/sign-in", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      resolve({ headers: route.request().headers(), body: route.request().postDataBuffer() });
      await route.abort();
    });
  });
  await signIn.form.getByLabel("Email").fill(E2E_USERS.viewer.email);
  await signIn.form.getByLabel("Password").fill(E2E_USERS.viewer.password);
  await signIn.form.getByRole("button", { name: "Sign in", exact: true }).click();
  const { headers, body } = await captured;
  await page.unroute("**/sign-in");

  const response = await page.request.post("/sign-in", {
    headers: { ...headers, origin: "https://attacker.example" },
    data: body ?? "",
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.headers()["set-cookie"] ?? "").not.toMatch(/session_token=[^;]/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);

  // The control: the same request from the dashboard's own origin signs in, so only the Origin made the difference.
  const sameSite = await page.request.post("/sign-in", { headers, data: body ?? "", maxRedirects: 0 });
  expect(sameSite.status()).toBeLessThan(400);
  expect(sameSite.headers()["set-cookie"] ?? "").toMatch(/session_token=[^;]/);
});

test("sign-in throttling: after 5 wrong passwords the account is locked, with a clear message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  for (let i = 1; i < WRONG_PASSWORD_ATTEMPTS; i++) {
    await signIn.signIn(E2E_USERS.lockout.email, wrongPassword(i));
    await expect(signIn.error).toHaveText("Wrong email or password.");
    // The email survives the refusal; the password does not.
    await expect(signIn.form.getByLabel("Email")).toHaveValue(E2E_USERS.lockout.email);
    await expect(signIn.form.getByLabel("Password")).toHaveValue("");
  }
  await signIn.signIn(E2E_USERS.lockout.email, wrongPassword(WRONG_PASSWORD_ATTEMPTS));
  await expect(signIn.error).toContainText("Too many failed sign-ins for this account: it is locked for 15 minutes.");
  // Even the right password is refused while the lockout lasts.
  await signIn.signIn(E2E_USERS.lockout.email, E2E_USERS.lockout.password);
  await expect(signIn.error).toContainText("Too many failed sign-ins for this account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("every failed sign-in and lockout is in the audit trail, and exports as JSON lines", async ({ browser }) => {
  const query = { action: "sign-in", actor: E2E_USERS.lockout.email };
  const rows = await auditRows(browser, query);
  await expect(rows.getByTestId("audit-outcome")).toHaveText([
    "denied",
    "failed",
    "failed",
    "failed",
    "failed",
    "failed",
  ]);

  const admin = await as(browser, "admin");
  const response = await admin.request.get(`/audit/export?${new URLSearchParams(query)}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/x-ndjson");
  const lines = (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(lines.map((l) => l.outcome)).toEqual(["denied", "failed", "failed", "failed", "failed", "failed"]);
  expect(lines[0]).toMatchObject({ action: "sign-in", target: E2E_USERS.lockout.email, actor_id: null });
  expect(JSON.stringify(lines)).not.toContain(E2E_USERS.lockout.password);
});

/** A fresh browser signed in as the passwords user with `password`. */
async function signedInAsPasswordsUser(browser: Browser, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(E2E_USERS.passwords.email, password);
  await expect(page.getByTestId("signed-in-as")).toContainText(E2E_USERS.passwords.email);
  return page;
}

test("an admin resets a user's password: the user's sessions end, the old password stops working, the new one works", async ({
  browser,
}) => {
  // Three sign-ins, four dialog submissions and two audit pages: more than the default minute on 2 cores.
  test.setTimeout(120_000);
  const { email, password: initial } = E2E_USERS.passwords;
  const user = await signedInAsPasswordsUser(browser, initial);

  const admin = await as(browser, "admin");
  await admin.goto("/admin/users");
  await admin.locator(`[data-testid="user-row"][data-email="${email}"]`).getByTestId("reset-password").click();
  const dialog = admin.getByTestId("confirm-dialog");
  const field = dialog.getByTestId("dialog-field-password");
  await expect(field).toHaveAttribute("type", "password");
  await field.fill("too-short");
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog.getByTestId("action-error")).toContainText("expected a password of at least 12 characters");
  // The admin's own password is asked again: without it, or wrong, nothing is reset.
  await field.fill(E2E_NEW_PASSWORDS.reset);
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog.getByTestId("action-error")).toContainText("expected your current password");
  const own = dialog.getByTestId("dialog-field-currentPassword");
  await expect(own).toHaveAttribute("autocomplete", "current-password");
  await own.fill(wrongPassword(1));
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog.getByTestId("action-error")).toContainText("Your current password is not that one");
  const stillSignedIn = new SignInPage(await (await browser.newContext()).newPage());
  await stillSignedIn.goto();
  await stillSignedIn.signIn(email, initial);
  await expect(stillSignedIn.page.getByTestId("signed-in-as")).toContainText(email);
  await stillSignedIn.page.context().close();
  await own.fill(E2E_ADMIN.chosenPassword);
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole("status")).toContainText(`${email}'s password is reset`);

  // The user's open session has ended: the next page asks them to sign in.
  await user.goto("/");
  await expect(user).toHaveURL(/\/sign-in/);
  const signIn = new SignInPage(user);
  await signIn.signIn(email, initial);
  await expect(signIn.error).toHaveText("Wrong email or password.");
  await signIn.signIn(email, E2E_NEW_PASSWORDS.reset);
  await expect(user.getByTestId("signed-in-as")).toContainText(email);

  // The wrong admin password was refused, audited, and counted as a failed sign-in of the admin.
  const refused = await auditRows(browser, { action: "reset-user-password", outcome: "failed" });
  await expect(refused.first()).toContainText("Your current password is not that one");
  const failed = await auditRows(browser, { action: "sign-in", actor: E2E_ADMIN.email, outcome: "failed" });
  await expect(failed.first()).toContainText("wrong current password when resetting a password");
});

test("a user changes their own password under Account: a wrong current one or a mismatch is refused, other sessions end", async ({
  browser,
}) => {
  // Three sign-ins and four password checks or changes, each a deliberately slow hash: 35 s on a quiet 2-core
  // machine, over the default 60 s when it is busy.
  test.setTimeout(120_000);
  const { email } = E2E_USERS.passwords;
  const elsewhere = await signedInAsPasswordsUser(browser, E2E_NEW_PASSWORDS.reset);
  const page = await signedInAsPasswordsUser(browser, E2E_NEW_PASSWORDS.reset);
  await page.getByTestId("signed-in-as").getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  const form = page.getByTestId("change-password-form");
  const submit = form.getByRole("button", { name: "Change password" });
  const fill = async (current: string, next: string, again: string) => {
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password (12+ characters)").fill(next);
    await form.getByLabel("New password again").fill(again);
    await submit.click();
  };

  await fill(E2E_NEW_PASSWORDS.reset, E2E_NEW_PASSWORDS.changed, `${E2E_NEW_PASSWORDS.changed}x`);
  await expect(form.getByTestId("change-password-error")).toContainText("the new password and its confirmation differ");
  await fill(wrongPassword(1), E2E_NEW_PASSWORDS.changed, E2E_NEW_PASSWORDS.changed);
  await expect(form.getByTestId("change-password-error")).toContainText("Your current password is not that one");
  await expect(form.getByLabel("New password (12+ characters)")).toHaveValue(E2E_NEW_PASSWORDS.changed);

  await fill(E2E_NEW_PASSWORDS.reset, E2E_NEW_PASSWORDS.changed, E2E_NEW_PASSWORDS.changed);
  await expect(form.getByTestId("change-password-done")).toHaveText(
    "Your password is changed; you are signed out everywhere else.",
  );
  await expect(form.getByLabel("Current password")).toHaveValue("");

  // This session stays; the other one has ended.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await elsewhere.goto("/");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  const signIn = new SignInPage(elsewhere);
  await signIn.signIn(email, E2E_NEW_PASSWORDS.changed);
  await expect(elsewhere.getByTestId("signed-in-as")).toContainText(email);

  // The wrong current password was counted as a failed sign-in of the account.
  const rows = await auditRows(browser, { action: "sign-in", actor: email, outcome: "failed" });
  await expect(rows.first()).toContainText("wrong current password when changing it");
});
