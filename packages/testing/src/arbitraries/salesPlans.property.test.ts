import {
  createEventRegistry,
  DomainRuleViolation,
  evolve,
  fold,
  SalesPlanCommand,
  salesPlanAllocation,
  salesPlanDecider,
  salesPlanEvents,
  salesPlanRules,
} from '@account-planning/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbitrarySalesPlanCommand,
  arbitrarySalesPlanCommandSequence,
  arbitrarySalesPlanEvent,
  runCommandSequence,
} from '../index.js';

const registry = createEventRegistry(salesPlanEvents);
const run = (commands: readonly unknown[]) =>
  runCommandSequence(salesPlanDecider, commands, { commandSchema: SalesPlanCommand });

describe('sales plan arbitraries', () => {
  it('generate commands that pass the command schema and events that pass the registry', () => {
    fc.assert(
      fc.property(arbitrarySalesPlanCommand(), arbitrarySalesPlanEvent(), (command, event) => {
        expect(SalesPlanCommand.safeParse(command).success).toBe(true);
        registry.validate(event.type, event.data);
      }),
      { numRuns: 50 },
    );
  });
});

describe('random sales plan command sequences', () => {
  it('keep the state equal to the fold of the accepted events, and fold and evolve agree', () => {
    fc.assert(
      fc.property(arbitrarySalesPlanCommandSequence(), ({ commands }) => {
        const { events, state } = run(commands);
        expect(fold(salesPlanDecider, events)).toEqual(state);
        const stepwise = events.reduce(
          (s, event) => evolve(salesPlanDecider, s, event),
          salesPlanDecider.initialState,
        );
        expect(stepwise).toEqual(state);
        for (const event of events) registry.validate(event.type, event.data);
      }),
      { numRuns: 60 },
    );
  });

  it('never let allocations exceed the growth goal without the explicit over-allocation flag', () => {
    fc.assert(
      fc.property(arbitrarySalesPlanCommandSequence(40), ({ commands }) => {
        let state = salesPlanDecider.initialState;
        for (const step of run(commands).steps) {
          if (!step.accepted) continue;
          const wasOver = salesPlanAllocation(state).overAllocated;
          state = fold(salesPlanDecider, step.events, state);
          if (!salesPlanAllocation(state).overAllocated) continue;
          const { command } = step;
          if (
            command.type === 'AllocateSalesPlanGrowth' ||
            command.type === 'SetSalesPlanGrowthGoal'
          ) {
            // Only an explicit flag lets an allocation or a goal leave the plan over-allocated.
            expect(command.allowOverAllocation).toBe(true);
            expect(
              step.events.map((e) => 'overAllocation' in e.data && e.data.overAllocation),
            ).toEqual([true]);
          } else {
            // Any other command may only leave an excess that was already accepted.
            expect(wasOver).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuse only with listed sales plan rules, and keep a closed plan closed', () => {
    fc.assert(
      fc.property(arbitrarySalesPlanCommandSequence(), ({ commands }) => {
        let closed = false;
        for (const step of run(commands).steps) {
          if (step.accepted) {
            expect(closed).toBe(false);
            closed ||= step.events.some((e) => e.type === 'SalesPlanClosed');
            continue;
          }
          expect(step.error).toBeInstanceOf(DomainRuleViolation);
          expect(Object.keys(salesPlanRules)).toContain((step.error as DomainRuleViolation).rule);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuse malformed commands with a validation error, leaving no event', () => {
    fc.assert(
      fc.property(
        arbitrarySalesPlanCommand(),
        fc.constantFrom<[string, unknown]>(
          ['period', '2026-Q5'],
          ['period', '26'],
          ['at', 'now'],
          ['repId', 'two words'],
        ),
        (command, [field, value]) => {
          const step = run([{ ...command, [field]: value }]).steps[0];
          expect(step && !step.accepted && step.error.code).toBe('validation_failed');
        },
      ),
      { numRuns: 60 },
    );
  });
});
