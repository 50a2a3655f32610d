import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createEventRegistry,
  defineEvent,
  type EventDefinition,
  ValidationError,
} from '../index.js';

// ContactAdded went through three shapes: { name } -> { fullName } -> { fullName, source }.
const ContactAddedV3 = defineEvent({
  type: 'ContactAdded',
  schemaVersion: 3,
  schema: z.object({
    contactId: z.string(),
    fullName: z.string().optional(),
    email: z.string().optional(),
    source: z.enum(['import', 'manual', 'unknown']),
  }),
  upcasters: {
    1: (data: { contactId: string; name: string }) => ({
      contactId: data.contactId,
      fullName: data.name,
    }),
    2: (data: { contactId: string; fullName: string }) => ({ ...data, source: 'unknown' }),
  },
  personalData: { subject: (data) => data.contactId, fields: ['fullName', 'email'] },
});

const registry = createEventRegistry([ContactAddedV3]);

function rejection(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('createEventRegistry: validate', () => {
  it('returns the parsed data, the current schema version and the personal-data subject', () => {
    const validated = registry.validate('ContactAdded', {
      contactId: 'c-1',
      fullName: 'Ada',
      source: 'manual',
      extra: 'stripped',
    });
    expect(validated).toEqual({
      data: { contactId: 'c-1', fullName: 'Ada', source: 'manual' },
      schemaVersion: 3,
      personalSubject: 'c-1',
    });
  });

  it('rejects an unknown type at path type', () => {
    const error = rejection(() => registry.validate('Unheard', {}));
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ['type'], code: 'unknown_type' }),
    ]);
  });

  it('rejects invalid data with every issue under path data', () => {
    const error = rejection(() => registry.validate('ContactAdded', { source: 'fax' }));
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toContainEqual(['data', 'contactId']);
    expect(paths).toContainEqual(['data', 'source']);
  });
});

describe('createEventRegistry: read', () => {
  it('runs the upcaster chain from the stored version to the current one, in order', () => {
    expect(registry.read('ContactAdded', { contactId: 'c-1', name: 'Ada' }, 1)).toEqual({
      contactId: 'c-1',
      fullName: 'Ada',
      source: 'unknown',
    });
    expect(registry.read('ContactAdded', { contactId: 'c-1', fullName: 'Bea' }, 2)).toEqual({
      contactId: 'c-1',
      fullName: 'Bea',
      source: 'unknown',
    });
  });

  it('returns data stored at the current version as it is, unless asked to verify', () => {
    const stored = { contactId: 'c-1', source: 'import' };
    expect(registry.read('ContactAdded', stored, 3)).toBe(stored);
    expect(() => registry.read('ContactAdded', { contactId: 1 }, 3, true)).toThrow(ValidationError);
  });

  it('rejects data stored at a version newer than the code knows', () => {
    const error = rejection(() => registry.read('ContactAdded', {}, 4));
    expect(error.issues[0]?.path).toEqual(['metadata', 'schemaVersion']);
  });

  it('rejects an upcast result that fails the current schema, at its data path', () => {
    const error = rejection(() => registry.read('ContactAdded', { name: 'no id' }, 1));
    expect(error.issues[0]?.path).toEqual(['data', 'contactId']);
  });

  it('rejects reading an unknown type', () => {
    expect(rejection(() => registry.read('Unheard', {}, 1)).issues[0]?.code).toBe('unknown_type');
  });
});

describe('createEventRegistry: definitions', () => {
  const base = { type: 'T', schema: z.object({ a: z.string().optional() }) };
  const broken: [string, EventDefinition[]][] = [
    [
      'a type defined twice',
      [
        { ...base, schemaVersion: 1 },
        { ...base, schemaVersion: 1 },
      ],
    ],
    ['a schema version below 1', [{ ...base, schemaVersion: 0 }]],
    ['a fractional schema version', [{ ...base, schemaVersion: 1.5 }]],
    ['a gap in the upcaster chain', [{ ...base, schemaVersion: 3, upcasters: { 1: (d) => d } }]],
    [
      'an upcaster at or past the current version',
      [{ ...base, schemaVersion: 2, upcasters: { 1: (d) => d, 2: (d) => d } }],
    ],
    [
      'a personal-data field the schema requires',
      [
        {
          type: 'T',
          schemaVersion: 1,
          schema: z.object({ id: z.string(), email: z.string() }),
          personalData: { subject: (d: { id: string }) => d.id, fields: ['email'] },
        } as unknown as EventDefinition,
      ],
    ],
  ];
  it.each(broken)('rejects %s', (_, definitions) => {
    expect(() => createEventRegistry(definitions)).toThrow(ValidationError);
  });

  it('lists definitions in registration order and answers has and definition', () => {
    const other = defineEvent({ type: 'Other', schemaVersion: 1, schema: z.object({}) });
    const both = createEventRegistry([ContactAddedV3, other]);
    expect(both.definitions.map((d) => d.type)).toEqual(['ContactAdded', 'Other']);
    expect(both.has('Other')).toBe(true);
    expect(both.has('Unheard')).toBe(false);
    expect(both.definition('ContactAdded')?.schemaVersion).toBe(3);
  });
});
