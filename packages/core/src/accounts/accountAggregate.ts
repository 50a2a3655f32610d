import { defineAggregate } from '../catalog/aggregateDefinition.js';
import { accountDecider } from './accountDecider.js';
import { AccountCommand } from './commands.js';
import { accountEvents } from './events.js';
import { accountRules } from './rules.js';

/**
 * The Account aggregate for the catalog: its events, commands, rules and decider, from which the
 * domain docs and JSON Schemas are generated.
 */
export const accountAggregate = defineAggregate({
  name: 'Account',
  streamKind: 'account',
  description:
    'A customer organisation or a prospect, one stream per account (`account-<ulid>`): its profile (name, industry, parent account, owner rep, territory), status from prospect to active, inactive or lost (with a classified reason) and back, revenue per period and product line in one currency, contacts and relationships, competitors, satisfaction over time, opportunities and the whitespace grid.',
  events: accountEvents,
  commandSchema: AccountCommand,
  rules: accountRules,
  decider: accountDecider,
});
