// Lets several test runs share one checkout (parallel developers, agents): ORGLENS_TEST_SLOT=b gives a
// run its own clusters, e2e hand-off file and e2e build folder. Unset in CI: the plain names.
const SLOT = process.env.ORGLENS_TEST_SLOT ?? "";

if (SLOT && !/^[a-z0-9]+$/.test(SLOT))
  throw new Error(`ORGLENS_TEST_SLOT must be lowercase letters or digits, got "${SLOT}"`);

export function slotted(name: string): string {
  return SLOT ? `${name}-${SLOT}` : name;
}
