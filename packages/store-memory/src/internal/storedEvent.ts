import type { EventMetadata, JsonValue, Position, RecordedEvent } from '@account-planning/core';
import { keepShape } from './keepShape.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A recorded event as the memory store keeps and hands it out (`new FrozenEvent(...)`): a frozen
 * plain object with the envelope's fields in the port's order. Data and metadata must already be
 * frozen copies.
 *
 * A constructor rather than an object literal: an object literal kept by the million has its
 * allocation site's pretenuring decision flip as the store grows and dies, and each flip throws
 * the append path's optimised code away. Its prototype is Object.prototype, so that a stored
 * event is indistinguishable from a literal (`constructor`, `toStrictEqual`, structured clone).
 */
function StoredEventFields(
  this: Writable<RecordedEvent>,
  eventId: string,
  streamId: string,
  streamVersion: number,
  globalPosition: number,
  position: Position,
  type: string,
  data: JsonValue,
  metadata: EventMetadata,
  recordedAt: string,
) {
  this.eventId = eventId;
  this.streamId = streamId;
  this.streamVersion = streamVersion;
  this.globalPosition = globalPosition;
  this.position = position;
  this.type = type;
  this.data = data;
  this.metadata = metadata;
  this.recordedAt = recordedAt;
  Object.freeze(this);
}
StoredEventFields.prototype = Object.prototype;
export const FrozenEvent = StoredEventFields as unknown as new (
  ...fields: Parameters<typeof StoredEventFields>
) => RecordedEvent;

keepShape(new FrozenEvent('', '', 0, 0, '', '', Object.freeze({}), Object.freeze({}), ''));
