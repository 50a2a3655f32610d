import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/testing.md quotes code from files CI runs, each block marked with the file and region it
// comes from. This keeps every quote equal to its source.

const root = new URL('../../../../', import.meta.url);
const doc = readFileSync(new URL('docs/testing.md', root), 'utf8');
const quotes = [...doc.matchAll(/<!-- from (\S+)#(\S+) -->\n```ts\n([\s\S]*?)```/g)].map(
  ([, path, region, code]) => ({
    path: path as string,
    region: region as string,
    code: code ?? '',
  }),
);

/** The lines between `// #region name` and `// #endregion name`, without their common indent. */
function region(path: string, name: string): string {
  const lines = readFileSync(new URL(path, root), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion ${name}`);
  if (start < 0 || end < start) throw new Error(`${path} has no region ${name}`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(
    ...body
      .filter((line) => line.trim() !== '')
      .map((line) => line.length - line.trimStart().length),
  );
  return body.map((line) => line.slice(indent)).join('\n');
}

describe('docs/testing.md', () => {
  it('quotes the contract suite, the subscription loop and deciderSpec', () => {
    expect(quotes.map((q) => q.region)).toEqual([
      'contract',
      'subscription-source',
      'wake-up',
      'door',
      'door-spec',
    ]);
  });

  it.each(quotes.map((q) => [`${q.path}#${q.region}`, q] as const))(
    'quotes %s verbatim',
    (_, q) => {
      expect(q.code.trimEnd()).toBe(region(q.path, q.region).trimEnd());
    },
  );
});
