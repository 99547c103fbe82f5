// The findings list (/findings) as its specs use it: severity counts, filters, the rows shown.
import { expect, type Locator, type Page } from "@playwright/test";
import { SEVERITIES } from "../../lib/domain/checks";

export class FindingsPage {
  constructor(private readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/findings${query}`);
  }

  count(severity: string): Locator {
    return this.page.getByTestId(`count-${severity}`);
  }

  /** Each severity's open count as shown; API answers can take several seconds on a loaded machine. */
  async expectCounts(counts: Record<string, number>): Promise<void> {
    for (const s of SEVERITIES)
      await expect(this.count(s), s).toHaveText(String(counts[s]), { timeout: 30_000 });
  }

  /** Ids of the findings listed, in the order shown. */
  shownIds(): Promise<(string | null)[]> {
    return this.page
      .locator("[data-finding-id]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-finding-id")));
  }

  get checkFilter(): Locator {
    return this.page.getByLabel("Check", { exact: true });
  }

  get severityFilter(): Locator {
    return this.page.getByLabel("Severity", { exact: true });
  }

  get total(): Locator {
    return this.page.getByTestId("findings-total");
  }
}
