import "server-only";

/** Why only an admin over the whole organization may read or change the check settings. */
export const CHECK_SETTINGS_ORG_WIDE =
  "Check settings change findings across the whole organization; only an admin who is not limited to some OUs can see or change them.";
