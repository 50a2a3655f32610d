import { createEventRegistry, defineEvent, type NewEvent } from '@account-planning/core';
import { z } from 'zod';

// The event types the contract suite writes. Small on purpose: the suite tests the store, not
// a domain.

const Noted = defineEvent({
  type: 'Noted',
  schemaVersion: 1,
  schema: z.object({ text: z.string() }),
});

const Counted = defineEvent({
  type: 'Counted',
  schemaVersion: 1,
  schema: z.object({ count: z.number().int().nonnegative(), tags: z.array(z.string()).optional() }),
});

const RenamedV1 = defineEvent({
  type: 'Renamed',
  schemaVersion: 1,
  schema: z.object({ name: z.string() }),
});

const RenamedV2 = defineEvent({
  type: 'Renamed',
  schemaVersion: 2,
  schema: z.object({ fullName: z.string(), renamedBy: z.string() }),
  upcasters: { 1: (data: { name: string }) => ({ fullName: data.name, renamedBy: 'unknown' }) },
});

const ContactRecorded = defineEvent({
  type: 'ContactRecorded',
  schemaVersion: 1,
  schema: z.object({
    contactId: z.string(),
    role: z.string(),
    name: z.string().optional(),
    email: z.string().optional(),
  }),
  personalData: { subject: (data) => data.contactId, fields: ['name', 'email'] },
});

/** The contract's event types, with `Renamed` at schema version 1. */
export const contractRegistryV1 = createEventRegistry([Noted, Counted, RenamedV1, ContactRecorded]);

/** The same types after `Renamed` moved to schema version 2 (with an upcaster from 1). */
export const contractRegistryV2 = createEventRegistry([Noted, Counted, RenamedV2, ContactRecorded]);

/** A `Noted` event. */
export function noted(text: string, eventId?: string): NewEvent {
  return { type: 'Noted', data: { text }, ...(eventId === undefined ? {} : { eventId }) };
}

/** `count` `Noted` events with texts `${prefix}0`, `${prefix}1`, … */
export function notes(count: number, prefix = 'n'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => noted(`${prefix}${index}`));
}

/** A `Counted` event. */
export function counted(count: number): NewEvent {
  return { type: 'Counted', data: { count } };
}

/** A `ContactRecorded` event with personal data. */
export function contactRecorded(contactId: string, name: string, email: string): NewEvent {
  return { type: 'ContactRecorded', data: { contactId, role: 'buyer', name, email } };
}
