// Dates of the scenario: plain UTC arithmetic on `YYYY-MM-DD` days and ISO instants.

const DAY_MS = 86_400_000;

/** The day `days` after `day` (before, when negative). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** An instant on `day` at `hh:mm` UTC. */
export const at = (day: string, hh: number, mm = 0): string =>
  `${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00.000Z`;

/** The instant `minutes` after `instant`. */
export const addMinutes = (instant: string, minutes: number): string =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** The quarters of the history, oldest first: 2023-Q1 ... 2025-Q4, then 2026-Q1 (index 12). */
export const QUARTERS = [2023, 2024, 2025, 2026]
  .flatMap((year) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`))
  .slice(0, 13);

/** The first day of quarter number `index` of {@link QUARTERS}. */
export const quarterStart = (index: number): string => {
  const year = 2023 + Math.floor(index / 4);
  const month = (index % 4) * 3 + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
};

/** When quarter `index`'s revenue is recorded: the fifth day after it ends (the third for 2026-Q1). */
export const revenueRecordedOn = (index: number): string =>
  addDays(quarterStart(index + 1), index === 12 ? 2 : 4);
