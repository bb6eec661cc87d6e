/** A span for "due": the next N days, or one calendar month. What officers type is read in src/understanding. */
export type DueWindow = { kind: 'days'; days: number } | { kind: 'month'; month: number; year?: number };

/** "due" with no time says the next 30 days. */
export const DEFAULT_DUE_DAYS = 30;
