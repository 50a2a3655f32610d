import {
  arbitraryAccountCommand,
  arbitraryAccountCommandSequence,
  arbitraryAccountEvent,
  arbitraryInvalidAccountCommand,
  runCommandSequence,
} from '@account-planning/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccountCommand,
  type AccountEvent,
  type AccountState,
  accountDecider,
  accountEvents,
  accountRules,
  createEventRegistry,
  DomainRuleViolation,
  evolve,
  fold,
  isAccountPlanningError,
  revenueTotalMinor,
} from '../index.js';

const registry = createEventRegistry(accountEvents);
const run = (commands: readonly unknown[]) =>
  runCommandSequence(accountDecider, commands, { commandSchema: AccountCommand });

describe('account arbitraries', () => {
  it('generate commands that pass the command schema', () => {
    fc.assert(
      fc.property(arbitraryAccountCommand(), (command) => {
        expect(AccountCommand.safeParse(command).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('generate events whose data passes the event registry, redacted or whole', () => {
    fc.assert(
      fc.property(arbitraryAccountEvent(), (event) => {
        registry.validate(event.type, event.data);
      }),
      { numRuns: 200 },
    );
  });

  it('generate valid sequences whose every command is accepted', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(), ({ commands }) => {
        const { steps } = run(commands);
        for (const step of steps) expect(step).toMatchObject({ accepted: true });
      }),
      { numRuns: 60 },
    );
  });
});

describe('random valid account command sequences', () => {
  it('keep the state equal to the fold of their events, at once, in two parts or event by event', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(), fc.nat(), ({ commands }, cut) => {
        const { events, state } = run(commands);
        expect(fold(accountDecider, events)).toEqual(state);
        const k = events.length === 0 ? 0 : cut % events.length;
        const resumed = fold(
          accountDecider,
          events.slice(k),
          fold(accountDecider, events.slice(0, k)),
        );
        expect(resumed).toEqual(state);
        const stepwise = events.reduce(
          (s: AccountState, event) => evolve(accountDecider, s, event),
          accountDecider.initialState,
        );
        expect(stepwise).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });

  it('record only events that pass their schema and survive a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(), ({ commands }) => {
        const { events, state } = run(commands);
        for (const event of events) registry.validate(event.type, event.data);
        const stored = JSON.parse(JSON.stringify(events)) as AccountEvent[];
        expect(fold(accountDecider, stored)).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });

  it('total revenue equals the recorded revenue with each entry at its last correction', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(40), ({ commands }) => {
        const { events, state } = run(commands);
        const latest = new Map<string, number>();
        for (const event of events) {
          if (event.type === 'RevenueRecorded' || event.type === 'RevenueCorrected') {
            latest.set(event.data.revenueId, event.data.amount.amountMinor);
          }
        }
        const expected = [...latest.values()].reduce((sum, amount) => sum + amount, 0);
        expect(revenueTotalMinor(state)).toBe(expected);
        for (const event of events) {
          if (event.type === 'RevenueRecorded') {
            expect(event.data.amount.currency).toBe(state.currency);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep a won or lost opportunity closed with its outcome in every later state', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(40), ({ commands }) => {
        const { events } = run(commands);
        let state = accountDecider.initialState;
        const closed = new Map<string, unknown>();
        for (const event of events) {
          state = fold(accountDecider, [event], state);
          for (const [opportunityId, outcome] of closed) {
            expect(state.opportunities[opportunityId]?.outcome).toEqual(outcome);
          }
          for (const opportunity of Object.values(state.opportunities)) {
            if (opportunity.status !== 'open')
              closed.set(opportunity.opportunityId, opportunity.outcome);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('record nothing for a lost account until it is reactivated, except forgetting', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(40), ({ commands }) => {
        let state = accountDecider.initialState;
        for (const step of run(commands).steps) {
          if (state.status === 'lost' && step.accepted) {
            for (const event of step.events) {
              expect(['AccountReactivated', 'ContactForgotten']).toContain(event.type);
            }
          }
          if (step.accepted) state = fold(accountDecider, step.events, state);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep every reporting line acyclic and pointing at a known contact', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(40), ({ commands }) => {
        const { state } = run(commands);
        for (const contact of Object.values(state.contacts)) {
          const seen = new Set<string>();
          for (let id: string | null = contact.contactId; id !== null; ) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
            const next: string | null = state.contacts[id]?.reportsToContactId ?? null;
            if (next !== null) expect(state.contacts[next]).toBeDefined();
            id = next;
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('hold no personal data of a forgotten contact in the state', () => {
    fc.assert(
      fc.property(arbitraryAccountCommandSequence(40), ({ commands }) => {
        const { state } = run(commands);
        for (const contact of Object.values(state.contacts)) {
          if (contact.forgottenAt !== null) expect(contact.personal).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('random invalid account commands', () => {
  it('are refused with the expected typed error and produce no event', () => {
    fc.assert(
      fc.property(arbitraryInvalidAccountCommand(), (invalid) => {
        const history = run(invalid.commands);
        expect(history.steps.every((step) => step.accepted)).toBe(true);
        let thrown: unknown;
        let produced: readonly AccountEvent[] | undefined;
        try {
          const command = invalid.bypassSchema
            ? (invalid.command as AccountCommand)
            : AccountCommand.parse(invalid.command);
          produced = accountDecider.decide(command, history.state);
        } catch (error) {
          thrown = error;
        }
        expect(produced).toBeUndefined();
        if (invalid.rejection.code === 'validation_failed') {
          // zod's own error at this level; the handler wraps it as a ValidationError.
          expect(thrown).toBeInstanceOf(Error);
          expect(run([invalid.command]).steps[0]).toMatchObject({
            accepted: false,
            error: { code: 'validation_failed' },
          });
          return;
        }
        expect(isAccountPlanningError(thrown)).toBe(true);
        expect(thrown).toBeInstanceOf(DomainRuleViolation);
        const violation = thrown as DomainRuleViolation;
        expect(violation.rule).toBe(invalid.rejection.rule);
        expect(Object.keys(accountRules)).toContain(violation.rule);
        expect(Object.keys(violation.ids).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reach every rule of the account', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryInvalidAccountCommand(), (invalid) => {
        if (invalid.rejection.rule) seen.add(invalid.rejection.rule);
      }),
      { numRuns: 250, seed: 20260302 },
    );
    expect([...seen].sort()).toEqual(Object.keys(accountRules).sort());
  });
});
