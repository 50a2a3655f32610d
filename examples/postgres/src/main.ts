import {
  accountOpportunityFacts,
  createAccountPlanning,
  createDomainEventRegistry,
  opportunityScorer,
  rankOpportunities,
} from '@account-planning/core';
import {
  createPostgresEventStore,
  migrate,
  type PostgresConnection,
} from '@account-planning/store-postgres';
import { exampleDatabase } from './database.js';
import { globex } from './globex.js';

// PGlite (embedded, on disk under the example) unless DATABASE_URL names a server.
const database = await exampleDatabase(process.env.DATABASE_URL);
const registry = createDomainEventRegistry();
const clock = () => new Date('2026-03-02T09:00:00Z');
const storeOn = (connection: PostgresConnection) =>
  createPostgresEventStore({ ...connection, schema: database.schema, tenant: 'example', registry });
console.log(`Events in ${database.where}`);
try {
  // Migrations are a deployment step: run them before any store touches the schema.
  const first = await database.connect();
  const { applied, version } = await migrate({ ...first.connection, schema: database.schema });
  console.log(`Migrated to version ${version} (applied ${applied.join(', ') || 'none'})`);

  // Record the account through the application service, as the quickstart does.
  const writer = storeOn(first.connection);
  const planning = createAccountPlanning({ store: writer, clock });
  const opened = await planning.accounts.execute({
    type: 'OpenAccount',
    name: 'Globex',
    ownerRepId: 'rep-ana',
    currency: 'EUR',
    status: 'active',
  });
  const accountId = opened.state.accountId!;
  for (const command of globex) await planning.accounts.execute({ ...command, accountId });
  await writer.close();
  await first.close();

  // A new connection reads the account back from the database, and ranks its opportunities.
  const second = await database.connect();
  const reader = storeOn(second.connection);
  const loaded = await createAccountPlanning({ store: reader, clock }).accounts.load(accountId);
  const { state } = loaded;
  console.log(`Read Globex back: ${loaded.version} events`);
  const ranking = rankOpportunities(
    accountOpportunityFacts(state, { accountTier: 'B' }),
    opportunityScorer({ asOf: '2026-03-02' }),
  );
  for (const { rank, id, score, explanation } of ranking.entries()) {
    const points = explanation.factors.map((factor, i) => `${factor} ${explanation.points[i]}`);
    const gates = explanation.gates
      .filter((g) => g.pointsRemoved > 0)
      .map((g) => `; ${g.gate} caps it at ${g.cap}`);
    console.log(`${rank}. ${score}  ${state.opportunities[id]?.name}`);
    console.log(`   ${points.join(' + ')} = ${explanation.uncapped}${gates.join('')}`);
  }
  await reader.close();
  await second.close();
} finally {
  // Leave nothing behind: the data directory, or the schema on the server.
  await database.destroy();
}
