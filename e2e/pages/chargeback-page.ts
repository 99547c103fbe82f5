// The chargeback page (/chargeback) as its specs use it: totals, the cost-center table, CSV downloads.
import { readFile } from "node:fs/promises";
import type { Locator, Page, Response } from "@playwright/test";
import { parse } from "csv-parse/sync";

export class ChargebackPage {
  constructor(private readonly page: Page) {}

  /** Opens /chargeback with a query ("?month=2026-02"); resolves to the page's response. */
  open(query = ""): Promise<Response | null> {
    return this.page.goto(`/chargeback${query}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { name: "Chargeback", level: 1 });
  }

  get month(): Locator {
    return this.page.getByTestId("month-select");
  }

  get orgTotal(): Locator {
    return this.page.getByTestId("org-total");
  }

  get chargebackTotal(): Locator {
    return this.page.getByTestId("chargeback-total");
  }

  get reconciliation(): Locator {
    return this.page.getByTestId("reconciliation-status");
  }

  get tableTotal(): Locator {
    return this.page.getByTestId("table-total");
  }

  /** The rows of the cost-center table, one per cost center (data-cost-center holds its code). */
  get costCenterRows(): Locator {
    return this.page.getByTestId("cost-center-table").locator("tbody > tr[data-cost-center]");
  }

  /** Clicks the download control `testId` and parses the CSV it saves, one record per row. */
  async downloadCsv(testId: string): Promise<Record<string, string>[]> {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByTestId(testId).click(),
    ]);
    const text = await readFile((await download.path()) ?? "", "utf8");
    const rows: unknown = parse(text, { columns: true });
    if (!Array.isArray(rows)) throw new Error("CSV did not parse");
    return rows.map((r: Record<string, string>) => r);
  }
}
