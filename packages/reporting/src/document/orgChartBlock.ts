import { z } from 'zod';
import { Label, ProseText, ReportId } from './reportText.js';

/**
 * A contact's stance towards us, from advocate to hostile (seed 002: executive sponsors,
 * relationships not yet established, the competition's champions). `unknown` is a
 * relationship not yet established.
 */
export const Stance = z.enum(['advocate', 'supporter', 'neutral', 'skeptic', 'hostile', 'unknown']);
/** A contact's stance towards us. */
export type Stance = z.infer<typeof Stance>;

/** The words for each stance, in the order of the scale, as legends and text renderers show them. */
export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  advocate: 'Advocate',
  supporter: 'Supporter',
  neutral: 'Neutral',
  skeptic: 'Skeptic',
  hostile: 'Hostile',
  unknown: 'Not yet established',
};

/** One person in an org chart: who, their role, whom they report to, and their stance. */
export const OrgChartPerson = z.object({
  id: ReportId,
  name: Label,
  title: Label.optional(),
  /** The id of this person's manager in the same chart; absent for a top of the tree. */
  reportsTo: ReportId.optional(),
  stance: Stance,
  /** Short labels such as `Executive sponsor` or `Competitor's champion`. */
  tags: z.array(Label).max(6).optional(),
  note: ProseText.optional(),
});
/** One person in an org chart. */
export type OrgChartPerson = z.infer<typeof OrgChartPerson>;

/**
 * An org chart (the relationship map of an account plan): people linked by reports-to,
 * each coloured by stance and also labelled with it in words, with a legend. Several tops are
 * allowed (people whose manager is not known). Ids are unique, every `reportsTo` names a
 * person in the chart, and reports-to has no cycles.
 */
export const OrgChartBlock = z
  .object({
    type: z.literal('orgChart'),
    caption: Label,
    people: z.array(OrgChartPerson).min(1).max(500),
  })
  .superRefine((chart, ctx) => {
    const byId = new Map(chart.people.map((person) => [person.id, person]));
    if (byId.size !== chart.people.length) {
      ctx.addIssue({ code: 'custom', path: ['people'], message: 'person ids must be unique' });
      return;
    }
    chart.people.forEach((person, index) => {
      if (person.reportsTo === undefined) return;
      if (!byId.has(person.reportsTo)) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', index, 'reportsTo'],
          message: `no person with id ${person.reportsTo} in this chart`,
        });
        return;
      }
      const seen = new Set([person.id]);
      for (
        let up = byId.get(person.reportsTo);
        up;
        up = up.reportsTo ? byId.get(up.reportsTo) : undefined
      ) {
        if (seen.has(up.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['people', index, 'reportsTo'],
            message: 'reports-to forms a cycle',
          });
          return;
        }
        seen.add(up.id);
      }
    });
  });
/** An org chart coloured by stance. */
export type OrgChartBlock = z.infer<typeof OrgChartBlock>;

/**
 * People grouped by manager id, in document order; tops (no known manager) under
 * `undefined`. A person whose manager is missing, or who sits on a reports-to cycle, is
 * treated as a top, so a renderer given an unvalidated chart still shows everyone once.
 */
export function childrenByManager(
  people: readonly OrgChartPerson[],
): Map<string | undefined, OrgChartPerson[]> {
  const byId = new Map(people.map((person) => [person.id, person]));
  const onCycle = (person: OrgChartPerson): boolean => {
    const seen = new Set<string>([person.id]);
    for (let up = person.reportsTo; up !== undefined; up = byId.get(up)?.reportsTo) {
      if (seen.has(up)) return true;
      seen.add(up);
    }
    return false;
  };
  const groups = new Map<string | undefined, OrgChartPerson[]>();
  for (const person of people) {
    const manager =
      person.reportsTo !== undefined && byId.has(person.reportsTo) && !onCycle(person)
        ? person.reportsTo
        : undefined;
    const group = groups.get(manager) ?? [];
    group.push(person);
    groups.set(manager, group);
  }
  return groups;
}
