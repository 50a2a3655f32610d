import { eventStore } from './migrations/0001_eventStore.js';
import { rowLevelSecurity } from './migrations/0002_rowLevelSecurity.js';

/** One numbered migration: its SQL, with `{{schema}}` and `{{channel}}` still to be filled in. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The migrations, in the order they apply. A new one gets the next number, a file of its own
 * under `migrations/`, and a line here; a released one is never edited.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'event_store', sql: eventStore },
  { version: 2, name: 'row_level_security', sql: rowLevelSecurity },
];
