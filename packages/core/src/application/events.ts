import { z } from 'zod';
import { defineEvent, type EventOf } from '../eventStore/eventRegistry.js';
import { Ulid } from '../ids/ids.js';
import { Instant } from '../periods/period.js';

/**
 * The stream of the tenant's account-hierarchy ledger: every parent change the application
 * service is about to make is claimed here first, one claim after the other, so that two
 * concurrent changes cannot both pass the no-cycle check (see `createAccountPlanning`).
 */
export const ACCOUNT_HIERARCHY_STREAM = 'hierarchy-accounts';

/**
 * The application service is about to make `accountId` a branch of `parentAccountId` (or
 * detach it), having checked that no cycle follows. The change lands on the account's stream
 * only if that stream is still at `accountVersion`; the account event then names the claim as
 * its `causationId`.
 */
export const AccountParentClaimed = defineEvent({
  type: 'AccountParentClaimed',
  schemaVersion: 1,
  schema: z.object({
    claimId: Ulid,
    accountId: Ulid,
    parentAccountId: Ulid.nullable(),
    /** The account stream's version the change was decided at. */
    accountVersion: z.number().int().min(0),
    at: Instant,
  }),
  description:
    "A parent change was claimed in the account-hierarchy ledger after the no-cycle check, before it is made on the account's stream. Until the account's stream moves past the claimed version, the hierarchy check counts the claimed parent as well as the actual one.",
});
/** A parent change was claimed in the account-hierarchy ledger. */
export type AccountParentClaimed = EventOf<typeof AccountParentClaimed>;

/** The events the application service records itself, beside the aggregates' events. */
export const applicationEvents = [AccountParentClaimed] as const;
