import type { Instant } from '../periods/period.js';
import { type PlanEvent, PlanSectionName } from './events.js';
import { SECTION_WRITTEN_BY } from './evolve.js';

/** Which sections of a plan were worked on since it was last reviewed. Derived, never stored. */
export interface PlanFreshness {
  /** When the plan was last reviewed or checked, or null if never. */
  readonly lastReviewedAt: Instant | null;
  /** When each section was last written in this plan (sections carried over count as not written). */
  readonly lastWrittenAt: Readonly<Partial<Record<PlanSectionName, Instant>>>;
  /** Sections written after the last review (all written ones if there was none), in plan order. */
  readonly touchedSinceLastReview: readonly PlanSectionName[];
  /** Sections not written since the last review, in plan order: the stale ones to look at. */
  readonly untouchedSinceLastReview: readonly PlanSectionName[];
}

/**
 * Answers seed 002's "what has changed since our last review?" for a plan's sections, from the
 * plan's events in stream order. A section copied from last year's plan is untouched until
 * someone writes it in this one. Pure: the answer depends on the order of the events only.
 */
export function planFreshness(events: Iterable<PlanEvent>): PlanFreshness {
  let lastReviewedAt: Instant | null = null;
  const lastWrittenAt: Partial<Record<PlanSectionName, Instant>> = {};
  let touched = new Set<PlanSectionName>();
  for (const event of events) {
    if (event.type === 'PlanReviewed') {
      lastReviewedAt = event.data.at;
      touched = new Set();
      continue;
    }
    const section = SECTION_WRITTEN_BY[event.type];
    if (section !== undefined) {
      lastWrittenAt[section] = event.data.at;
      touched.add(section);
    }
  }
  const names = PlanSectionName.options;
  return {
    lastReviewedAt,
    lastWrittenAt,
    touchedSinceLastReview: names.filter((name) => touched.has(name)),
    untouchedSinceLastReview: names.filter((name) => !touched.has(name)),
  };
}
