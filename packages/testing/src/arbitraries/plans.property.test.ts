import {
  createEventRegistry,
  DomainRuleViolation,
  evolve,
  fold,
  isAccountPlanningError,
  PlanCommand,
  type PlanEvent,
  PlanSectionName,
  planCompleteness,
  planDecider,
  planEvents,
  planFreshness,
  planRules,
} from '@account-planning/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbitraryPlanCommand,
  arbitraryPlanCommandSequence,
  arbitraryPlanEvent,
  runCommandSequence,
} from '../index.js';

const registry = createEventRegistry(planEvents);
const run = (commands: readonly unknown[]) =>
  runCommandSequence(planDecider, commands, { commandSchema: PlanCommand });

describe('plan arbitraries', () => {
  it('generate commands that pass the command schema', () => {
    fc.assert(
      fc.property(arbitraryPlanCommand(), (command) => {
        expect(PlanCommand.safeParse(command).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('generate events whose data passes the event registry', () => {
    fc.assert(
      fc.property(arbitraryPlanEvent(), (event) => {
        registry.validate(event.type, event.data);
      }),
      { numRuns: 50 },
    );
  });
});

describe('random plan command sequences', () => {
  it('keep the state equal to the fold of the accepted events, event by event or at once', () => {
    fc.assert(
      fc.property(arbitraryPlanCommandSequence(), fc.nat(), ({ commands }, cut) => {
        const { events, state } = run(commands);
        expect(fold(planDecider, events)).toEqual(state);
        const k = events.length === 0 ? 0 : cut % events.length;
        expect(fold(planDecider, events.slice(k), fold(planDecider, events.slice(0, k)))).toEqual(
          state,
        );
        const stepwise = events.reduce(
          (s, event) => evolve(planDecider, s, event),
          planDecider.initialState,
        );
        expect(stepwise).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });

  it('record only events that pass their schema', () => {
    fc.assert(
      fc.property(arbitraryPlanCommandSequence(), ({ commands }) => {
        for (const event of run(commands).events) registry.validate(event.type, event.data);
      }),
      { numRuns: 60 },
    );
  });

  it('refuse commands only with typed errors that name a listed plan rule, writing nothing', () => {
    fc.assert(
      fc.property(arbitraryPlanCommandSequence(), ({ commands }) => {
        for (const step of run(commands).steps) {
          if (step.accepted) continue;
          expect(step.error).toBeInstanceOf(DomainRuleViolation);
          expect(Object.keys(planRules)).toContain((step.error as DomainRuleViolation).rule);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('approve only a submitted plan, only by a manager other than its rep', () => {
    fc.assert(
      fc.property(arbitraryPlanCommandSequence(), ({ commands }) => {
        const { steps } = run(commands);
        let state = planDecider.initialState;
        for (const step of steps) {
          if (!step.accepted) continue;
          if (step.command.type === 'ApprovePlan') {
            expect(state.status).toBe('submitted');
            expect(step.command.approverRole).toBe('manager');
            expect(step.command.approvedBy).not.toBe(state.repId);
          }
          state = fold(planDecider, step.events, state);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep an archived plan archived: every later command is refused', () => {
    fc.assert(
      fc.property(arbitraryPlanCommandSequence(40), ({ commands }) => {
        const { steps, state } = run(commands);
        const archivedAt = steps.findIndex(
          (step) => step.accepted && step.events.some((e) => e.type === 'PlanArchived'),
        );
        if (archivedAt < 0) return;
        expect(state.status).toBe('archived');
        for (const step of steps.slice(archivedAt + 1)) {
          expect(step.accepted).toBe(false);
          if (!step.accepted && step.command.type !== 'DraftPlan') {
            expect((step.error as DomainRuleViolation).rule).toBe('plan.archived');
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('keep every approved version, in version order, when the plan is revised', () => {
    fc.assert(
      fc.property(arbitraryPlanCommandSequence(40), ({ commands }) => {
        const { events, state } = run(commands);
        const approvals = events.filter((e) => e.type === 'PlanApproved').length;
        const versions = state.approvedVersions.map((v) => v.version);
        expect(versions).toHaveLength(approvals);
        versions.forEach((version, i) => {
          expect(version).toBe(i + 1);
        });
        expect(state.version).toBe(1 + events.filter((e) => e.type === 'PlanRevised').length);
      }),
      { numRuns: 60 },
    );
  });

  it('derive completeness and freshness that cover the nine sections exactly', () => {
    fc.assert(
      fc.property(arbitraryPlanCommandSequence(), ({ commands }) => {
        const { events, state } = run(commands);
        const completeness = planCompleteness(state);
        const freshness = planFreshness(events);
        const all = [...PlanSectionName.options];
        expect([...completeness.written, ...completeness.missing].sort()).toEqual(all.sort());
        expect(
          [...freshness.touchedSinceLastReview, ...freshness.untouchedSinceLastReview].sort(),
        ).toEqual(all.sort());
        for (const name of freshness.touchedSinceLastReview) {
          expect(completeness.written).toContain(name);
        }
      }),
      { numRuns: 60 },
    );
  });
});

// Ways to break a valid command: each yields input that the schema or a rule must refuse.
const breakages: readonly ((command: Record<string, unknown>) => Record<string, unknown>)[] = [
  (c) => ({ ...c, at: 'yesterday' }),
  (c) => ({ ...c, planId: 'not-a-ulid' }),
  (c) => ({ ...c, type: `${String(c.type)}Now` }),
  (c) => {
    const { at: _at, ...rest } = c;
    return rest;
  },
];

describe('random invalid plan commands', () => {
  it('are refused with a validation error when malformed, leaving no event', () => {
    fc.assert(
      fc.property(
        arbitraryPlanCommandSequence(10),
        arbitraryPlanCommand(),
        fc.constantFrom(...breakages),
        ({ commands }, command, breakIt) => {
          const { state } = run(commands);
          const broken = breakIt(command as unknown as Record<string, unknown>);
          const outcome = run([broken]).steps[0];
          expect(outcome?.accepted).toBe(false);
          expect(outcome && !outcome.accepted && outcome.error.code).toBe('validation_failed');
          expect(state).toEqual(fold(planDecider, run(commands).events));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('are refused with a rule violation when they break a rule in any state, leaving no event', () => {
    fc.assert(
      fc.property(
        arbitraryPlanCommandSequence(20),
        fc.constantFrom('rep', 'executive', 'admin'),
        fc.constantFrom('USD', 'GBP', 'EUR'),
        ({ commands, context }, role, currency) => {
          const { state } = run(commands);
          const at = '2026-06-01T00:00:00.000Z';
          const refused: unknown[] = [
            {
              type: 'ApprovePlan',
              planId: context.planId,
              at,
              approvedBy: 'x-1',
              approverRole: role,
            },
            {
              type: 'ApprovePlan',
              planId: context.planId,
              at,
              approvedBy: context.repId,
              approverRole: 'manager',
            },
            {
              type: 'SetPlanReviewCadence',
              planId: context.planId,
              at,
              cadence: { strategicReviewEveryMonths: 12, checkEvery: 'monthly' },
            },
          ];
          if (currency !== context.currency) {
            const money = { amountMinor: 1, currency };
            refused.push({
              type: 'WritePlanPastPerformance',
              planId: context.planId,
              at,
              section: {
                projects: [],
                valueDelivered: [{ description: 'x', value: money, customerAware: true }],
              },
            });
          }
          for (const input of refused) {
            let events: readonly PlanEvent[] | undefined;
            try {
              events = planDecider.decide(PlanCommand.parse(input), state);
            } catch (error) {
              expect(isAccountPlanningError(error)).toBe(true);
              expect(error).toBeInstanceOf(DomainRuleViolation);
            }
            expect(events).toBeUndefined();
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
