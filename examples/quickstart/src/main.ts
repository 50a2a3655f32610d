import { createCommandHandler, isAccountPlanningError } from '@account-planning/core';
import { createMemoryEventStore } from '@account-planning/store-memory';
import { CommitmentCommand, commitmentRegistry, commitments } from './commitments.js';

const store = createMemoryEventStore({ registry: commitmentRegistry });
const handler = createCommandHandler({
  store,
  decider: commitments,
  commandSchema: CommitmentCommand,
});
const stream = 'commitments-rep-ana';

await handler.handle(stream, {
  type: 'MakeCommitment',
  id: 'c1',
  text: 'Send the Q3 proposal to Acme',
  due: '2026-03-13',
});
await handler.handle(stream, {
  type: 'MakeCommitment',
  id: 'c2',
  text: 'Meet the new CFO at Globex',
  due: '2026-03-20',
});
const { state, version } = await handler.handle(stream, {
  type: 'KeepCommitment',
  id: 'c1',
  on: '2026-03-12',
});

console.log(`State at version ${version}:`);
console.log(JSON.stringify(state, null, 2));

console.log('\nEvents:');
for (const event of (await store.readStream(stream)).events) {
  console.log(`  ${event.streamVersion}. ${event.type} ${JSON.stringify(event.data)}`);
}

// A rule violation is a typed error with a stable code, and nothing is written.
try {
  await handler.handle(stream, { type: 'KeepCommitment', id: 'c1', on: '2026-03-14' });
} catch (error) {
  if (!isAccountPlanningError(error)) throw error;
  console.log(`\nRejected: ${error.code} ${JSON.stringify(error.toJSON())}`);
}
await store.close();
