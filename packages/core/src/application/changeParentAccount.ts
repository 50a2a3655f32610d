import type { AccountState } from '../accounts/accountState.js';
import type { ChangeParentAccount } from '../accounts/commands.js';
import type { AccountEvent } from '../accounts/events.js';
import { violateRule } from '../catalog/violateRule.js';
import type {
  CommandHandler,
  CommandResult,
  HandleOptions,
} from '../commandHandling/commandHandler.js';
import type { Decider } from '../decider/decider.js';
import { type AccountPlanningError, isAccountPlanningError } from '../errors.js';
import { checkExpectedVersion } from '../eventStore/prepareAppend.js';
import type { EventStore } from '../eventStore/types.js';
import { type DomainIndex, wouldCloseHierarchyCycle } from './domainIndex.js';
import { ACCOUNT_HIERARCHY_STREAM, type AccountParentClaimed } from './events.js';
import { crossAggregateRules } from './rules.js';

/** What {@link changeParentAccount} needs from the service. */
export interface HierarchyContext {
  readonly store: EventStore;
  readonly accounts: CommandHandler<AccountState, AccountEvent>;
  readonly decider: Decider<AccountState, unknown, AccountEvent>;
  readonly catchUp: () => Promise<DomainIndex>;
  readonly newId: () => string;
  readonly maxAttempts: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * Changes an account's parent so that no cycle can form, even when several processes change
 * parents at once. The no-cycle check and the change are serialised through the hierarchy
 * ledger (`hierarchy-accounts`):
 *
 * 1. read the ledger's version `g`, load the account (version `v`) and decide the command, so
 *    that a rule violation writes nothing;
 * 2. catch the read model up with the log and check that the parent exists and that no cycle
 *    follows, counting every claim still pending as made;
 * 3. append a claim to the ledger at exactly `g`: if another change was claimed since step 1,
 *    this fails and everything starts again, so every claim was checked against all earlier ones;
 * 4. append the change to the account's stream at exactly `v`: if the account moved since step 1
 *    the claim can never land (the read model drops it) and everything starts again.
 *
 * A crash between 3 and 4 leaves a pending claim that makes the check stricter (it may refuse a
 * change that would have been fine) until the account's stream next moves; it never lets a cycle
 * through.
 *
 * @throws {DomainRuleViolation} `account.parent_not_found`, `account.hierarchy_cycle`, or a rule
 *   of the account itself; nothing written.
 * @throws {ConcurrencyError} every attempt lost a race, or `options.expectedVersion` did not match.
 */
export async function changeParentAccount(
  context: HierarchyContext,
  command: ChangeParentAccount,
  streamId: string,
  options: HandleOptions,
): Promise<CommandResult<AccountState, AccountEvent>> {
  const { store, accounts } = context;
  let conflict: AccountPlanningError | undefined;
  for (let attempt = 1; attempt <= context.maxAttempts; attempt++) {
    const ledger = await store.readStream(ACCOUNT_HIERARCHY_STREAM, {
      direction: 'backward',
      limit: 1,
    });
    const loaded = await accounts.load(streamId);
    const key = options.idempotencyKey;
    // A retried command that already landed (or one that changes nothing) needs no claim.
    const replay =
      key !== undefined && loaded.events.some((e) => e.metadata.idempotencyKey === key);
    if (replay || context.decider.decide(command, loaded.state).length === 0) {
      return accounts.handle(streamId, command, options);
    }
    if (options.expectedVersion !== undefined) {
      checkExpectedVersion(streamId, options.expectedVersion, loaded.version);
    }
    const index = await context.catchUp();
    const parent = command.parentAccountId;
    if (parent !== null) {
      const ids = { accountId: command.accountId, parentAccountId: parent };
      if (!index.accounts[parent])
        violateRule(crossAggregateRules, 'account.parent_not_found', ids);
      if (wouldCloseHierarchyCycle(index, command.accountId, parent)) {
        violateRule(crossAggregateRules, 'account.hierarchy_cycle', ids);
      }
    }
    const claimId = context.newId();
    const claim: AccountParentClaimed = {
      type: 'AccountParentClaimed',
      data: {
        claimId,
        accountId: command.accountId,
        parentAccountId: parent,
        accountVersion: loaded.version,
        at: command.at,
      },
    };
    try {
      await store.append(
        ACCOUNT_HIERARCHY_STREAM,
        [{ ...claim, eventId: claimId, metadata: { ...options.metadata, occurredAt: command.at } }],
        { expectedVersion: ledger.version },
      );
      return await accounts.handle(streamId, command, {
        ...options,
        expectedVersion: loaded.version,
        metadata: { ...options.metadata, causationId: claimId },
      });
    } catch (error) {
      // By code, not instanceof: the store may come with another copy of this package.
      const lostRace = isAccountPlanningError(error) && error.code === 'concurrency_conflict';
      if (!lostRace || options.expectedVersion !== undefined) throw error;
      conflict = error;
      await context.sleep(Math.min(100, 2 ** attempt));
    }
  }
  throw conflict;
}
