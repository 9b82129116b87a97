import type { Locator, Page } from "@playwright/test";

/** An instance's log viewer (`/instances/<id>/logs`), addressed through its data-testid attributes. */
export class LogsPage {
  constructor(
    readonly page: Page,
    readonly identifier: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Logs of ${this.identifier}` });
  }

  get sqlNotice(): Locator {
    return this.page.getByTestId("logs-sql-notice");
  }

  get lines(): Locator {
    return this.page.getByTestId("log-line");
  }

  /** The highlighted lines of one severity. */
  severity(level: "ERROR" | "FATAL" | "PANIC"): Locator {
    return this.page.locator(`[data-testid="log-line"][data-severity="${level}"]`);
  }

  get follow(): Locator {
    return this.page.getByTestId("log-follow");
  }

  get searchInput(): Locator {
    return this.page.getByTestId("log-search");
  }

  async search(text: string): Promise<void> {
    await this.searchInput.fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
  }

  get download(): Locator {
    return this.page.getByTestId("log-download");
  }

  get files(): Locator {
    return this.page.getByTestId("log-file");
  }
}
