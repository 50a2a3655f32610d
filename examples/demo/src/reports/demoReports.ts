import type { EventStore, ReadModels } from '@account-planning/core';
import {
  buildAnnualPack,
  buildPlanDocument,
  buildReviewPack,
  buildTeamView,
  type ReportDocument,
  readAnnualPackInput,
  readPlanDocumentInput,
  readReviewPackInput,
  readTeamViewInput,
} from '@account-planning/reporting';
import type { DemoScenario } from '../scenario/demoScenario.js';

/** What every report of the demo is made from. */
export interface DemoReportContext {
  readonly store: EventStore;
  readonly scenario: DemoScenario;
  /** The read models of the whole log, read once for every report. */
  readonly models: ReadModels;
}

/** One document a report writes, and where under the output directory. */
export interface DemoDocument {
  /** The folder under the output directory, e.g. `review-packs/ana-lima`. */
  readonly folder: string;
  /** The files' name without extension, e.g. `review-pack`. */
  readonly name: string;
  /** What the document is, for the index and the console. */
  readonly label: string;
  readonly document: ReportDocument;
}

/** One report of the demo: a title and the documents it makes. */
export interface DemoReport {
  /** The folder it writes under the output directory (removed and written afresh each run). */
  readonly folder: string;
  readonly title: string;
  produce(context: DemoReportContext): Promise<DemoDocument[]>;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Each rep's pack for their next monthly review (seed 001), as of the scenario's today. */
const reviewPacks: DemoReport = {
  folder: 'review-packs',
  title: 'Monthly review packs',
  async produce({ store, scenario, models }) {
    const documents: DemoDocument[] = [];
    for (const rep of scenario.reps) {
      const input = await readReviewPackInput(store, {
        repId: rep.repId,
        asOf: scenario.asOf,
        generatedAt: scenario.generatedAt,
        models,
        options: { names: scenario.names, assignedTiers: scenario.tiers },
      });
      documents.push({
        folder: `review-packs/${slug(rep.name)}`,
        name: 'review-pack',
        label: `${rep.name}'s review pack (territory ${rep.tier})`,
        document: buildReviewPack(input),
      });
    }
    return documents;
  },
};

/** The strategic plan document of each account with an approved plan (seed 002). */
const planDocuments: DemoReport = {
  folder: 'plans',
  title: 'Strategic account plans',
  async produce({ store, scenario, models }) {
    const documents: DemoDocument[] = [];
    for (const plan of scenario.plans) {
      const account = scenario.accounts.find((a) => a.accountId === plan.accountId)!;
      const input = await readPlanDocumentInput(store, {
        accountId: plan.accountId,
        planId: plan.planId,
        asOf: scenario.asOf,
        generatedAt: scenario.generatedAt,
        models,
        options: { names: scenario.names, assignedTiers: scenario.tiers },
      });
      documents.push({
        folder: `plans/${slug(account.name)}`,
        name: 'plan',
        label: `${account.name}: strategic plan (${scenario.names[plan.repId]})`,
        document: buildPlanDocument(input),
      });
    }
    return documents;
  },
};

/** The manager's view of the team: retention, pipeline against goal, what is overdue. */
const teamView: DemoReport = {
  folder: 'team-view',
  title: "The manager's team view",
  async produce({ store, scenario, models }) {
    const input = await readTeamViewInput(store, {
      managerId: scenario.managerId,
      asOf: scenario.asOf,
      generatedAt: scenario.generatedAt,
      models,
      options: { names: scenario.names, assignedTiers: scenario.tiers },
    });
    return [
      {
        folder: 'team-view',
        name: 'team-view',
        label: `${scenario.names[scenario.managerId]}'s team view`,
        document: buildTeamView(input),
      },
    ];
  },
};

/** The annual review pack for 2025 (seed 000): the year's results and next year's goals. */
const annualPack: DemoReport = {
  folder: 'annual-pack',
  title: 'Annual review pack',
  async produce({ store, scenario, models }) {
    const input = await readAnnualPackInput(store, {
      managerId: scenario.managerId,
      year: 2025,
      generatedAt: scenario.generatedAt,
      models,
      options: { names: scenario.names, assignedTiers: scenario.tiers },
    });
    return [
      {
        folder: 'annual-pack',
        name: 'annual-pack-2025',
        label: 'The annual review pack, 2025',
        document: buildAnnualPack(input),
      },
    ];
  },
};

/**
 * The reports the demo writes, in the order they are listed: one entry per report, each
 * written as HTML, Markdown and a CSV file per table.
 */
export const DEMO_REPORTS: readonly DemoReport[] = [
  reviewPacks,
  planDocuments,
  teamView,
  annualPack,
];
