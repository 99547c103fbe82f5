import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { KPI_META, KPI_ORDER } from "../lib/api/kpis";
import { formatKpiValue } from "../components/overview/kpi-format";
import { formatKpiSample } from "../lib/format/kpi-sample";
import { signInAs } from "./support/sign-in-ui";

const LATEST_RUN_SQL =
  "(SELECT run_id FROM kpi_snapshot WHERE scope_id = 'org' ORDER BY at DESC LIMIT 1)";

test("on the demo every KPI tile shows a value, and each share shows the sample it is computed over", async ({
  page,
}) => {
  // The KPIs of a demo with six months of history take a while on a busy CI machine.
  test.setTimeout(120_000);
  await signInAs(page, "viewer");
  await expect(page.locator("[data-testid^='kpi-value-']").first()).toBeVisible({
    timeout: 60_000,
  });
  const latest = await e2eQuery<{
    kpi_id: string;
    value: string | null;
    denominator: string | null;
  }>(
    `SELECT kpi_id, value::text, denominator::text FROM kpi_snapshot WHERE scope_id = 'org' AND run_id = ${LATEST_RUN_SQL}`,
  );
  for (const id of KPI_ORDER) {
    const row = latest.find((r) => r.kpi_id === id);
    expect(row?.value, `${id} has a stored value`).not.toBeNull();
    const value = page.getByTestId(`kpi-value-${id}`);
    await expect(value).toHaveText(formatKpiValue(Number(row?.value), KPI_META[id].unit));
    await expect(value).not.toHaveText("–");
    const sample = formatKpiSample(
      row?.denominator == null ? null : Number(row.denominator),
      KPI_META[id].sample,
    );
    if (sample) await expect(page.getByTestId(`kpi-sample-${id}`)).toHaveText(`· ${sample}`);
    else await expect(page.getByTestId(`kpi-sample-${id}`)).toHaveCount(0);
  }
  // The temporary-keys share reads like "72% · 1,204 calls"; time to a compliant account is a duration.
  await expect(page.getByTestId("kpi-sample-TEMPORARY_KEYS_PCT")).toHaveText(/^· [\d,]+ calls$/);
  await expect(page.getByTestId("kpi-value-TIME_TO_COMPLIANT_MEDIAN_HOURS")).toHaveText(
    /^[\d.]+ (h|d)$/,
  );
  await expect(
    page.getByTestId("kpi-value-TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS"),
  ).toHaveText(/^[\d.]+ (h|d)$/);
});
