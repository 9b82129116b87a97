import type { Locator, Page } from "@playwright/test";

/** The fleet overview (`/`), addressed through its data-testid attributes. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Fleet overview" });
  }

  instance(identifier: string): Locator {
    return this.page.getByTestId(`instance-${identifier}`);
  }

  standbyOf(writerIdentifier: string): Locator {
    return this.page.getByTestId(`standby-of-${writerIdentifier}`);
  }

  roleOf(card: Locator): Locator {
    return card.getByTestId("role");
  }

  statusOf(card: Locator): Locator {
    return card.getByTestId("status");
  }

  get failoverRows(): Locator {
    return this.page.getByTestId("failover-history").getByTestId("failover-row");
  }

  get refreshButton(): Locator {
    return this.page.getByRole("button", { name: "Refresh now" });
  }
}
