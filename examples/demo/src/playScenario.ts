import type { AccountPlanning } from '@account-planning/core';
import type { DemoCommand, DemoStep } from './scenario/demoScenario.js';

/** Options of {@link playStep}. */
export interface PlayOptions {
  /** Lanes run at once (1: one command at a time). */
  readonly concurrency: number;
  /** Told after each command. */
  readonly onCommand?: () => void;
}

/**
 * Runs one step's commands through the application service, and nothing else: every command
 * is parsed, checked and decided by the library. A lane's commands run in order; up to
 * `concurrency` lanes run at once. Each command's business time is also its events'
 * `occurredAt`, so the record reads as if the scenario had happened on its dates.
 *
 * @throws the first error a command raises, naming the command.
 */
export async function playStep(
  planning: AccountPlanning,
  step: DemoStep,
  options: PlayOptions,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < step.lanes.length) {
      const lane = step.lanes[next++]!;
      for (const command of lane) {
        await execute(planning, command);
        options.onCommand?.();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
}

async function execute(planning: AccountPlanning, { aggregate, command }: DemoCommand) {
  const options = { metadata: { occurredAt: command.at, actor: 'demo' } };
  try {
    switch (aggregate) {
      case 'accounts':
        return await planning.accounts.execute(command, options);
      case 'plans':
        return await planning.plans.execute(command, options);
      case 'reviews':
        return await planning.reviews.execute(command, options);
      case 'actionItems':
        return await planning.actionItems.execute(command, options);
      case 'territories':
        return await planning.territories.execute(command, options);
      case 'salesPlans':
        return await planning.salesPlans.execute(command, options);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${command.type} at ${command.at} failed: ${message}`, { cause: error });
  }
}
