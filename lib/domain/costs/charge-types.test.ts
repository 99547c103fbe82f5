import { describe, expect, it } from "vitest";
import { chargeGroupOf, DEFAULT_CHARGE_POLICIES, focusChargeFields } from "./charge-types";

describe("charge types", () => {
  it.each([
    ["Usage", "usage"],
    ["SavingsPlanCoveredUsage", "usage"],
    ["DiscountedUsage", "usage"],
    ["Credit", "credits"],
    ["Refund", "credits"],
    ["Enterprise Discount Program Discount", "credits"],
    ["Tax", "tax"],
    ["Support", "support"],
    ["RIFee", "commitments"],
    ["SavingsPlanRecurringFee", "commitments"],
    ["SavingsPlanUpfrontFee", "commitments"],
    ["Something AWS adds next year", "usage"],
  ])("%s falls in the %s group", (recordType, group) =>
    expect(chargeGroupOf(recordType)).toBe(group),
  );

  it("by default credits follow usage, tax is its own line and support is split", () => {
    expect(DEFAULT_CHARGE_POLICIES).toMatchObject({
      credits: "follow-usage",
      tax: "own-line",
      support: "split-by-usage",
    });
  });

  it("an unknown record type is Usage, whatever the sign", () => {
    expect(focusChargeFields("NewThing").ChargeCategory).toBe("Usage");
  });
});
