const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fixed ULID-shaped id: `01SEED` and a counter, so that a scenario built twice is the same record. */
export function seedId(n: number): string {
  let body = '';
  for (let i = 0, v = n; i < 20; i++, v = Math.floor(v / 32)) body = CROCKFORD[v % 32] + body;
  return `01SEED${body}`;
}
