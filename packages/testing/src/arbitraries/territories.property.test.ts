import {
  createEventRegistry,
  DomainRuleViolation,
  evolve,
  fold,
  TerritoryCommand,
  territoryDecider,
  territoryEvents,
  territoryRules,
} from '@account-planning/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbitraryTerritoryCommand,
  arbitraryTerritoryCommandSequence,
  arbitraryTerritoryEvent,
  runCommandSequence,
} from '../index.js';

const registry = createEventRegistry(territoryEvents);
const run = (commands: readonly unknown[]) =>
  runCommandSequence(territoryDecider, commands, { commandSchema: TerritoryCommand });

describe('territory arbitraries', () => {
  it('generate commands that pass the command schema and events that pass the registry', () => {
    fc.assert(
      fc.property(arbitraryTerritoryCommand(), arbitraryTerritoryEvent(), (command, event) => {
        expect(TerritoryCommand.safeParse(command).success).toBe(true);
        registry.validate(event.type, event.data);
      }),
      { numRuns: 50 },
    );
  });
});

describe('random territory command sequences', () => {
  it('keep the state equal to the fold of the accepted events, and fold and evolve agree', () => {
    fc.assert(
      fc.property(arbitraryTerritoryCommandSequence(), ({ commands }) => {
        const { events, state } = run(commands);
        expect(fold(territoryDecider, events)).toEqual(state);
        const stepwise = events.reduce(
          (s, event) => evolve(territoryDecider, s, event),
          territoryDecider.initialState,
        );
        expect(stepwise).toEqual(state);
        for (const event of events) registry.validate(event.type, event.data);
      }),
      { numRuns: 60 },
    );
  });

  it('refuse only with listed territory rules, and keep a retired territory retired', () => {
    fc.assert(
      fc.property(arbitraryTerritoryCommandSequence(), ({ commands }) => {
        const { steps, state } = run(commands);
        let retired = false;
        for (const step of steps) {
          if (step.accepted) {
            expect(retired).toBe(false);
            retired ||= step.events.some((e) => e.type === 'TerritoryRetired');
            continue;
          }
          expect(step.error).toBeInstanceOf(DomainRuleViolation);
          expect(Object.keys(territoryRules)).toContain((step.error as DomainRuleViolation).rule);
        }
        if (retired) expect(state.status).toBe('retired');
        expect(new Set(state.reps).size).toBe(state.reps.length);
      }),
      { numRuns: 60 },
    );
  });

  it('refuse malformed or rule-breaking commands in any state with a typed error', () => {
    fc.assert(
      fc.property(
        arbitraryTerritoryCommandSequence(15),
        fc.constantFrom(0, -1, 2.01, 10),
        ({ commands, context }, factor) => {
          const { state } = run(commands);
          const at = '2026-06-01T00:00:00.000Z';
          const malformed = {
            type: 'ChangeTerritoryTier',
            territoryId: context.territoryId,
            at,
            tier: 'Z',
            reason: 'x',
          };
          const step = run([malformed]).steps[0];
          expect(step && !step.accepted && step.error.code).toBe('validation_failed');
          const assess = TerritoryCommand.parse({
            type: 'AssessTerritoryMarketConditions',
            territoryId: context.territoryId,
            at,
            year: 2027,
            factor,
            rationale: 'x',
          });
          expect(() => territoryDecider.decide(assess, state)).toThrow(DomainRuleViolation);
        },
      ),
      { numRuns: 60 },
    );
  });
});
