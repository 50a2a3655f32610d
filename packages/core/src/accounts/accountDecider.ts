import type { Decider } from '../decider/decider.js';
import { type AccountState, initialAccountState } from './accountState.js';
import type { AccountCommand } from './commands.js';
import { decideAccount } from './decide.js';
import type { AccountEvent } from './events.js';
import { evolveAccount } from './evolve.js';

/**
 * The Account aggregate as a decider: one stream per account (`account-<accountId>`), commands
 * decided by {@link decideAccount}, events applied by {@link evolveAccount}.
 *
 * @example
 * ```ts
 * const accounts = createCommandHandler({ store, decider: accountDecider, commandSchema: AccountCommand });
 * await accounts.handle(streamIdFor('account', accountId), { type: 'OpenAccount', accountId, at, name: 'Acme',
 *   ownerRepId: 'rep-1', currency: 'EUR' });
 * ```
 */
export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: initialAccountState,
  decide: decideAccount,
  evolve: evolveAccount,
};
