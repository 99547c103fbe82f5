// Closing and re-opening months take this transaction-scoped advisory lock, one at a time.
export const PERIOD_LOCK = 7_243_001;
