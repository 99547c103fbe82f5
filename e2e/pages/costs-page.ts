// The cost showback page (/costs) as its specs use it: open a view, read totals and rows.
import { expect, type Locator, type Page } from "@playwright/test";

export class CostsPage {
  constructor(private readonly page: Page) {}

  /** Opens /costs with a query ("?groupBy=account") and waits until its totals are shown. */
  async open(query = ""): Promise<void> {
    await this.page.goto(`/costs${query}`);
    await this.loaded();
  }

  /** The first load after a navigation can be slow on a busy machine. */
  async loaded(): Promise<void> {
    await expect(this.grandTotal).toBeVisible({ timeout: 30_000 });
  }

  get grandTotal(): Locator {
    return this.page.getByTestId("cost-grand-total");
  }

  get groupBy(): Locator {
    return this.page.getByLabel("Group by");
  }

  get rows(): Locator {
    return this.page.locator('[data-testid="cost-table"] tbody tr');
  }

  /** The last cell of the table row of `key` (an account id, OU id, service …): its total. */
  rowTotal(key: string): Locator {
    return this.page.locator(`[data-testid="cost-table"] tr[data-row-id="${key}"] td`).last();
  }

  get downloadCsv(): Locator {
    return this.page.getByRole("link", { name: "Download CSV" });
  }
}
