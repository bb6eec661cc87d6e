import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const RULES = join(ROOT, '.dependency-cruiser.cjs');

/** Runs dependency-cruiser with the house's rules over `paths`, from `cwd`; the exit code and what it said. */
async function cruise(cwd: string, paths: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      [CLI, ...paths, '--config', RULES, '--output-type', 'err'],
      {
        cwd,
      },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fixture(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'house-'));
  temporary.push(dir);
  const all = {
    'tsconfig.json': '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler" } }',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('the house’s import rules', () => {
  it('hold over the real tree with no violations', async () => {
    const result = await cruise(ROOT, ['src', 'lambdas']);
    expect(result.output).not.toContain('error');
    expect(result.code).toBe(0);
  }, 120_000);

  it('fail when a store file imports a capability', async () => {
    const dir = await fixture({
      'src/domain/thing.ts': 'export interface Thing { id: string }\n',
      'src/updates/summary.ts':
        "import type { Thing } from '../domain/thing';\nexport const label = (t: Thing) => t.id;\n",
      'src/store/thing-store.ts': "import { label } from '../updates/summary';\nexport const key = label;\n",
    });
    const result = await cruise(dir, ['src']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('store-imports-only-domain');
    expect(result.output).toContain('src/store/thing-store.ts');
  }, 60_000);

  it('fail when a capability outside its slack/ adapter imports a renderer, and pass inside it', async () => {
    const dir = await fixture({
      'src/slack/renderers/blocks.ts':
        'export const header = (text: string) => ({ type: "header", text });\n',
      'src/review/service.ts':
        "import { header } from '../slack/renderers/blocks';\nexport const card = header;\n",
      'src/review/slack/render.ts':
        "import { header } from '../../slack/renderers/blocks';\nexport const card = header;\n",
    });
    const result = await cruise(dir, ['src']);
    expect(result.output).toContain('capability-imports-no-surface-or-root: src/review/service.ts');
    expect(result.output).not.toContain('src/review/slack/render.ts');
  }, 60_000);
});
