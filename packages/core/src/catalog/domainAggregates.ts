import type { AggregateDefinition } from './aggregateDefinition.js';

/**
 * Every aggregate of the domain, in the order the docs present them. The event catalog and the
 * JSON Schemas in `docs/` are generated from this list (`pnpm docs:domain`), so a new aggregate
 * needs exactly one line here to be documented.
 */
export const domainAggregates: readonly AggregateDefinition[] = [];
