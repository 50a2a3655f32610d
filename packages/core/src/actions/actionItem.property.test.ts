import {
  arbitraryActionItemCommand,
  arbitraryActionItemEvent,
  arbitraryActionItemLife,
  runCommandSequence,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActionItemCommand,
  type ActionItemEvent,
  actionItemDecider,
  actionItemEvents,
  actionItemRules,
  createEventRegistry,
  DomainRuleViolation,
  evolve,
  fold,
  isActionItemOpen,
} from '../index.js';

const registry = createEventRegistry(actionItemEvents);

function run(commands: readonly ActionItemCommand[]): ActionItemEvent[] {
  const { events, steps } = runCommandSequence(actionItemDecider, commands);
  for (const step of steps) if (!step.accepted) throw step.error;
  return [...events];
}

const lifeAndCommand = arbitraryActionItemLife().chain((life) =>
  fc.tuple(
    fc.constant(life),
    fc.nat(life.length),
    arbitraryActionItemCommand({ actionId: life[0]?.actionId ?? '' }),
  ),
);

describe('action item properties', () => {
  it('accepts every command of a valid life, and fold agrees with evolve', () => {
    fc.assert(
      fc.property(arbitraryActionItemLife(), (life) => {
        const events = run(life);
        for (const event of events) registry.validate(event.type, event.data);
        const stepwise = events.reduce(
          (state, event) => evolve(actionItemDecider, state, event),
          actionItemDecider.initialState,
        );
        expect(fold(actionItemDecider, events)).toEqual(stepwise);
      }),
    );
  });

  it('counts every slip, and each slip moves the due date later', () => {
    fc.assert(
      fc.property(arbitraryActionItemLife(), (life) => {
        const events = run(life);
        const slips = events.flatMap((e) => (e.type === 'ActionItemSlipped' ? [e.data] : []));
        const state = fold(actionItemDecider, events);
        expect(state.slipCount).toBe(slips.length);
        slips.forEach((slip, index) => {
          expect(slip.slipCount).toBe(index + 1);
          expect(slip.newDueOn > slip.previousDueOn).toBe(true);
        });
        expect(state.dueOn).toBe(slips.at(-1)?.newDueOn ?? state.originalDueOn);
      }),
    );
  });

  it('a random command is either accepted or rejected with a catalogued rule and no event', () => {
    fc.assert(
      fc.property(lifeAndCommand, ([life, cut, command]) => {
        const state = fold(actionItemDecider, run(life.slice(0, cut)));
        let produced: readonly ActionItemEvent[];
        try {
          produced = actionItemDecider.decide(command, state);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainRuleViolation);
          const violation = error as DomainRuleViolation;
          expect(Object.keys(actionItemRules)).toContain(violation.rule);
          expect(violation.ids.actionId).toBe(command.actionId);
          return;
        }
        expect(produced.length).toBe(1);
        for (const event of produced) registry.validate(event.type, event.data);
      }),
    );
  });

  it('closed action items stay closed, and one is completed at most once', () => {
    fc.assert(
      fc.property(lifeAndCommand, ([life, , command]) => {
        const events = run(life);
        const state = fold(actionItemDecider, events);
        expect(events.filter((e) => e.type === 'ActionItemCompleted').length).toBeLessThanOrEqual(
          1,
        );
        if (isActionItemOpen(state)) return;
        expect(() => actionItemDecider.decide(command, state)).toThrow(DomainRuleViolation);
      }),
    );
  });

  it('every generated event parses with its schema', () => {
    fc.assert(
      fc.property(arbitraryActionItemEvent(), (event) => {
        expect(() => registry.validate(event.type, event.data)).not.toThrow();
      }),
    );
  });
});
