import { expect, type Locator, type Page } from "@playwright/test";

export class SignInPage {
  readonly form: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("sign-in-form");
    this.error = page.getByTestId("sign-in-error");
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  }

  /**
   * Submits and waits for the server's answer, so attempts never overlap. React resets the form when the
   * previous attempt settles (the button reads "Sign in" again): fill only after that, or the reset wipes it.
   */
  async signIn(email: string, password: string): Promise<void> {
    await expect(this.form.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    await this.form.getByLabel("Email").fill(email);
    await this.form.getByLabel("Password").fill(password);
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in"));
    await this.form.getByRole("button", { name: "Sign in", exact: true }).click();
    await answered;
  }
}
