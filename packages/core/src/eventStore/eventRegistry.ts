import { z } from 'zod';
import { ValidationError } from '../errors.js';

/**
 * Declares which top-level fields of an event's data are personal data about one subject
 * (a contact, say), so that `EventStore.forgetSubject` can remove them from storage. Each field
 * must be optional in the event's schema: a forgotten event still parses.
 */
export interface PersonalDataDeclaration<D> {
  /** The subject the personal data is about (a contact id), or undefined when there is none. */
  readonly subject: (data: D) => string | null | undefined;
  /** The fields removed when the subject is forgotten. */
  readonly fields: readonly (keyof D & string)[];
}

/** Upgrades data stored at schema version `n` (the key) to version `n + 1`. */
// biome-ignore lint/suspicious/noExplicitAny: an upcaster takes the old, untyped shape.
export type Upcaster = (data: any) => unknown;

/**
 * One event type: its name, its current zod schema and schema version, and how to upgrade data
 * stored at older versions. Build it with {@link defineEvent}.
 */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  /** The current version of the data's shape, starting at 1. */
  readonly schemaVersion: number;
  /**
   * The data's schema. It must be idempotent (parsing its own output gives the same output),
   * since stored data is the parsed output and may be parsed again on read.
   */
  readonly schema: S;
  /** `upcasters[n]` upgrades data stored at version n to n + 1; a contiguous chain up to the current version. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
  readonly personalData?: PersonalDataDeclaration<z.output<S>>;
  /** When the event happens, for the event catalog. */
  readonly description?: string;
}

/**
 * Declares an event type. The `type` literal and the schema's output type flow into
 * {@link EventOf}.
 *
 * @example
 * ```ts
 * const OpportunityWon = defineEvent({
 *   type: 'OpportunityWon',
 *   schemaVersion: 1,
 *   schema: z.object({ opportunityId: z.string(), wonAt: z.iso.date() }),
 *   description: 'The customer signed.',
 * });
 * ```
 */
export function defineEvent<const T extends string, S extends z.ZodType>(
  definition: EventDefinition<T, S>,
): EventDefinition<T, S> {
  return definition;
}

/** The `{ type, data }` event type described by an {@link EventDefinition}. */
export type EventOf<D> =
  D extends EventDefinition<infer T, infer S>
    ? { readonly type: T; readonly data: z.output<S> }
    : never;

/** An event's data after validation, with what the store records beside it. */
export interface ValidatedEventData {
  readonly data: unknown;
  readonly schemaVersion: number;
  /** The personal-data subject, when the type declares one and the data names it. */
  readonly personalSubject: string | undefined;
}

/**
 * The set of event types a store accepts: validates data on append, upcasts and parses it on
 * read. An unknown type or invalid data is a {@link ValidationError}.
 */
export interface EventRegistry {
  /** Every definition, in registration order (for catalogs and JSON Schema). */
  readonly definitions: readonly EventDefinition[];
  has(type: string): boolean;
  definition(type: string): EventDefinition | undefined;
  /**
   * Validates data for an append against the type's current schema.
   * @throws {ValidationError} unknown type (path `type`) or invalid data (path `data.…`).
   */
  validate(type: string, data: unknown): ValidatedEventData;
  /**
   * Turns stored data into the current shape: upcasts from `storedVersion`, then parses. Data
   * stored at the current version is returned as is unless `verify` is set.
   * @throws {ValidationError} unknown type, a version with no upcaster, or data that fails.
   */
  read(type: string, data: unknown, storedVersion: number, verify?: boolean): unknown;
}

/**
 * Builds a registry from event definitions.
 * @throws {ValidationError} duplicate types, a broken upcaster chain, or personal-data fields
 *   that the schema does not allow to be absent.
 */
export function createEventRegistry(definitions: readonly EventDefinition[]): EventRegistry {
  const byType = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    checkDefinition(definition, byType);
    byType.set(definition.type, definition);
  }

  const unknownType = (type: string): ValidationError =>
    new ValidationError(`Unknown event type ${JSON.stringify(type)}`, [
      {
        path: ['type'],
        message: `unknown event type ${JSON.stringify(type)}`,
        code: 'unknown_type',
      },
    ]);

  return {
    definitions: [...byType.values()],
    has: (type) => byType.has(type),
    definition: (type) => byType.get(type),
    validate(type, data) {
      const definition = byType.get(type);
      if (!definition) throw unknownType(type);
      const parsed = definition.schema.safeParse(data);
      if (!parsed.success) {
        throw ValidationError.fromZod(parsed.error, `data for event ${type}`, ['data']);
      }
      const subject = definition.personalData?.subject(parsed.data);
      return {
        data: parsed.data,
        schemaVersion: definition.schemaVersion,
        personalSubject: subject ?? undefined,
      };
    },
    read(type, data, storedVersion, verify = false) {
      const definition = byType.get(type);
      if (!definition) throw unknownType(type);
      if (storedVersion === definition.schemaVersion && !verify) return data;
      if (storedVersion > definition.schemaVersion) {
        throw new ValidationError(
          `Event ${type} was stored at schema version ${storedVersion}, newer than this code's ${definition.schemaVersion}`,
          [{ path: ['metadata', 'schemaVersion'], message: 'newer than known', code: 'too_big' }],
        );
      }
      let upgraded = data;
      for (let version = storedVersion; version < definition.schemaVersion; version++) {
        const upcaster = definition.upcasters?.[version];
        if (!upcaster) {
          throw new ValidationError(`No upcaster for ${type} from schema version ${version}`, [
            { path: ['metadata', 'schemaVersion'], message: 'no upcaster', code: 'invalid_value' },
          ]);
        }
        upgraded = upcaster(upgraded);
      }
      const parsed = definition.schema.safeParse(upgraded);
      if (!parsed.success) {
        throw ValidationError.fromZod(parsed.error, `stored data of event ${type}`, ['data']);
      }
      return parsed.data;
    },
  };
}

function checkDefinition(
  definition: EventDefinition,
  known: ReadonlyMap<string, EventDefinition>,
): void {
  const problem = (message: string): ValidationError =>
    new ValidationError(`Event definition ${JSON.stringify(definition.type)}: ${message}`, [
      { path: [definition.type], message, code: 'invalid_definition' },
    ]);
  if (known.has(definition.type)) throw problem('defined twice');
  if (!Number.isInteger(definition.schemaVersion) || definition.schemaVersion < 1) {
    throw problem('schemaVersion must be an integer >= 1');
  }
  const versions = Object.keys(definition.upcasters ?? {})
    .map(Number)
    .sort((a, b) => a - b);
  versions.forEach((version, index) => {
    const contiguous = index === 0 || version === (versions[index - 1] ?? 0) + 1;
    if (!contiguous || version < 1 || version >= definition.schemaVersion) {
      throw problem(`upcasters must form a contiguous chain below ${definition.schemaVersion}`);
    }
  });
  if (versions.length > 0 && versions.at(-1) !== definition.schemaVersion - 1) {
    throw problem(`the upcaster chain must reach version ${definition.schemaVersion}`);
  }
  const shape = definition.schema instanceof z.ZodObject ? definition.schema.shape : undefined;
  for (const field of definition.personalData?.fields ?? []) {
    const fieldSchema = shape?.[field] as z.ZodType | undefined;
    if (!fieldSchema?.safeParse(undefined).success) {
      throw problem(`personal-data field ${JSON.stringify(field)} must be an optional field`);
    }
  }
}
