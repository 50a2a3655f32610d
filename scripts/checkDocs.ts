// Every TypeScript block in the README and the guides is either a verbatim excerpt of a file
// that CI runs, or is type-checked here. An excerpt is marked by the line before its fence:
//   <!-- from path/to/file.ts#region -->   the lines between `// #region name` and `// #endregion name`
//   <!-- from path/to/file.ts -->          the whole file
// Any other ts block is written to a scratch module and compiled with the workspace's settings,
// so it must be a complete module (imports included). `pnpm docs:check` runs this; CI too.
// `pnpm docs:check --fix` rewrites every excerpt from its source instead of reporting it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const scratch = join(root, '.docs-check');

/** The Markdown files whose code must stay true. */
function guides(): string[] {
  const inDir = (dir: string) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => join(dir, e.name));
  const examples = readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => inDir(join('examples', e.name)));
  return ['README.md', 'CONTRIBUTING.md', ...inDir('docs'), ...examples];
}

interface Block {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly source: { path: string; region: string | undefined } | undefined;
}

function blocks(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  const pattern = /(?:<!-- from (\S+?)(?:#(\S+))? -->\n)?```(?:ts|typescript)\n([\s\S]*?)```/g;
  return [...text.matchAll(pattern)].map((match) => ({
    file,
    line: text.slice(0, match.index).split('\n').length,
    code: match[3] ?? '',
    source: match[1] ? { path: match[1], region: match[2] } : undefined,
  }));
}

/** The lines between `// #region name` and `// #endregion name`, without their common indent. */
function excerpt(path: string, region: string | undefined): string {
  const text = readFileSync(join(root, path), 'utf8');
  if (region === undefined) return text;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `// #region ${region}`);
  const end = lines.findIndex((l) => l.trim() === `// #endregion ${region}`);
  if (start < 0 || end < start) throw new Error(`${path} has no region ${region}`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(
    ...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
  );
  return body.map((l) => l.slice(indent)).join('\n');
}

const fix = process.argv.includes('--fix');
const problems: string[] = [];

/** Rewrites each excerpt of `file` from its source region. */
function refreshExcerpts(file: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const refreshed = text.replaceAll(
    /(<!-- from (\S+?)(?:#(\S+))? -->\n```(?:ts|typescript)\n)[\s\S]*?```/g,
    (whole, head: string, source: string, region: string | undefined) => {
      try {
        return `${head}${excerpt(source, region).trimEnd()}\n\`\`\``;
      } catch {
        return whole;
      }
    },
  );
  if (refreshed !== text) writeFileSync(path, refreshed);
}
const compiled: { block: Block; module: string }[] = [];
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });

for (const file of guides()) {
  if (fix) refreshExcerpts(file);
  blocks(file).forEach((block, index) => {
    const where = `${file}:${block.line}`;
    if (block.source) {
      try {
        const expected = excerpt(block.source.path, block.source.region).trimEnd();
        if (block.code.trimEnd() !== expected) {
          problems.push(`${where}: differs from ${block.source.path}#${block.source.region ?? ''}`);
        }
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
      return;
    }
    const module = join(scratch, `${file.replaceAll(/[/.]/g, '_')}_${index}.ts`);
    writeFileSync(module, `${block.code}\nexport {};\n`);
    compiled.push({ block, module });
  });
}

if (compiled.length > 0) {
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      extends: '../tsconfig.base.json',
      compilerOptions: { noEmit: true, noUnusedLocals: false },
      include: ['*.ts'],
    }),
  );
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(scratch, 'tsconfig.json')], {
      cwd: root,
      encoding: 'utf8',
    });
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    for (const { block, module } of compiled) {
      const name = relative(root, module);
      const mine = output.split('\n').filter((l) => l.startsWith(name));
      if (mine.length > 0)
        problems.push(`${block.file}:${block.line}: does not compile\n  ${mine.join('\n  ')}`);
    }
    if (problems.length === 0) problems.push(output);
  }
}
rmSync(scratch, { recursive: true, force: true });

const total = guides().reduce((n, f) => n + blocks(f).length, 0);
if (problems.length > 0) {
  console.error(`${problems.length} of ${total} code blocks in the guides are not true:\n`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(
  `${total} code blocks checked: ${total - compiled.length} excerpts, ${compiled.length} compiled.`,
);
