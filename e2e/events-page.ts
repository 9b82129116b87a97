import type { Locator, Page } from "@playwright/test";

/** The events page (`/events`), addressed through its data-testid attributes and form labels. */
export class EventsPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/events${query}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Events" });
  }

  get rows(): Locator {
    return this.page.getByTestId("event-row");
  }

  get messages(): Locator {
    return this.page.getByTestId("event-message");
  }

  get sources(): Locator {
    return this.page.getByTestId("event-source");
  }

  get empty(): Locator {
    return this.page.getByTestId("events-empty");
  }

  get invalidQuery(): Locator {
    return this.page.getByTestId("invalid-query");
  }

  async filter(filters: { source?: string; type?: string; category?: string; window?: string }): Promise<void> {
    const form = this.page.getByRole("form", { name: "Event filters" });
    if (filters.source !== undefined) await form.getByLabel("Source identifier").fill(filters.source);
    if (filters.type !== undefined) await form.getByLabel("Source type").selectOption(filters.type);
    if (filters.category !== undefined) await form.getByLabel("Category").selectOption(filters.category);
    if (filters.window !== undefined) await form.getByLabel("Time").selectOption(filters.window);
    await form.getByRole("button", { name: "Apply filters" }).click();
  }
}
