import type { Locator, Page } from "@playwright/test";

/** A DB instance's page (`/instances/<id>`), addressed through its data-testid attributes. */
export class InstancePage {
  constructor(
    readonly page: Page,
    readonly identifier: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`/instances/${this.identifier}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: this.identifier });
  }

  get status(): Locator {
    return this.page.getByTestId("instance-status");
  }

  /** A fact of the details, by its label, e.g. "availability-zone". */
  fact(slug: string): Locator {
    return this.page.getByTestId(`fact-${slug}`).locator("dd");
  }

  get instanceAz(): Locator {
    return this.page.getByTestId("topology-instance-az");
  }

  get standbyAz(): Locator {
    return this.page.getByTestId("topology-standby-az");
  }

  action(name: "reboot" | "reboot-with-failover" | "modify"): Locator {
    return this.page.getByTestId(`action-${name}`);
  }

  get dialog(): Locator {
    return this.page.getByTestId("confirm-dialog");
  }

  get confirmInput(): Locator {
    return this.dialog.getByTestId("confirm-identifier");
  }

  get confirmButton(): Locator {
    return this.dialog.getByTestId("confirm-action");
  }

  get actionError(): Locator {
    return this.dialog.getByTestId("action-error");
  }

  get progress(): Locator {
    return this.page.getByTestId("action-progress");
  }

  get transitions(): Locator {
    return this.page.getByTestId("status-transitions");
  }

  get phases(): Locator {
    return this.page.getByTestId("progress-phase");
  }

  get outcome(): Locator {
    return this.page.getByTestId("action-outcome");
  }

  get events(): Locator {
    return this.page.getByTestId("instance-events");
  }

  /**
   * Submits the open dialog's form after changing what it sends, as a forged
   * request would: the server sees exactly these fields, whatever the dialog allows.
   */
  async submitForged(fields: { identifier?: string; confirmation?: string | null }): Promise<void> {
    await this.dialog.locator("form").evaluate((form: HTMLFormElement, f) => {
      const identifier = form.querySelector<HTMLInputElement>('input[name="identifier"]');
      const confirmation = form.querySelector<HTMLInputElement>('input[name="confirmation"]');
      if (identifier && f.identifier !== undefined) identifier.value = f.identifier;
      // Renaming (not removing) the field keeps React's own tree intact while the request lacks it.
      const typed = f.confirmation;
      if (confirmation && typed === null) confirmation.name = "not-the-confirmation";
      else if (confirmation && typeof typed === "string") confirmation.value = typed;
      form.requestSubmit();
    }, fields);
  }
}
