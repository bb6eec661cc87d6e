import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { lambdaBuildOptions } from '../cdk/esbuild-options';
import { summarise } from './stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 15;
const TARGET_RATIO = 1.1;
const TARGET_BYTES = 2 * 1024 * 1024;

interface Built {
  file: string;
  /** What a cold start reads: the entry and the chunks it imports statically, with their maps. */
  bytes: number;
  /** Everything built, lazy chunks included. */
  totalBytes: number;
  largest: [string, number][];
}

async function bundle(name: string, entry: string): Promise<Built> {
  // Inside the project, so any external module resolves from node_modules as it would from the runtime's.
  const outdir = join(root, 'node_modules', '.cache', 'ijb-bench-bundles', name);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build(lambdaBuildOptions(join(root, entry), outdir));
  const loaded = loadedAtStart(metafile as Metafile);
  const size = (path: string) => statSync(join(root, path)).size + mapSize(path);
  return {
    file: join(outdir, 'index.mjs'),
    bytes: [...loaded].reduce((total, path) => total + size(path), 0),
    totalBytes: Object.keys((metafile as Metafile).outputs)
      .filter((path) => !path.endsWith('.map'))
      .reduce((total, path) => total + size(path), 0),
    largest: largestPackages(metafile as Metafile, loaded),
  };
}

function mapSize(path: string): number {
  try {
    return statSync(join(root, `${path}.map`)).size;
  } catch {
    return 0;
  }
}

/** The entry's output and every chunk reachable from it by static imports. */
function loadedAtStart(metafile: Metafile): Set<string> {
  const entry = Object.keys(metafile.outputs).find((path) => path.endsWith('/index.mjs'));
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  if (entry) visit(entry);
  return loaded;
}

function largestPackages(metafile: Metafile, loaded: Set<string>): [string, number][] {
  const byPackage = new Map<string, number>();
  for (const [outputPath, output] of Object.entries(metafile.outputs)) {
    if (!loaded.has(outputPath)) continue;
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? path.split('/')[0] ?? path;
      byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
}

/** Module load of a bundle in a fresh Node process, as Lambda's init does it (source maps on). */
function loadMs(file: string, env: Record<string, string>): number {
  const script =
    'const t0 = performance.now(); await import(process.argv.at(-1)); process.stdout.write(String(performance.now() - t0));';
  const child = spawnSync(
    process.execPath,
    ['--enable-source-maps', '--input-type=module', '-e', script, file],
    {
      env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`Loading ${file} failed: ${child.stderr}`);
  return Number(child.stdout);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * The Slack function's cold start: its bundle's size and module load time against a bare Bolt
 * AwsLambdaReceiver app built with the same esbuild options, loaded alternately in fresh
 * processes so both see the same machine.
 */
export async function benchBundle(): Promise<string[]> {
  const product = await bundle('slack', 'lambdas/slack.ts');
  const floor = await bundle('bare-bolt', 'bench/fixtures/bare-bolt.ts');
  const env = {
    TABLE_NAME: 'ijb-directions',
    AWS_REGION: 'eu-west-2',
    SLACK_SIGNING_SECRET: 'bench',
    SLACK_BOT_ID: 'B0BENCH',
    SLACK_BOT_USER_ID: 'U0BENCH',
    LOG_LEVEL: 'error',
  };
  loadMs(product.file, env);
  loadMs(floor.file, env);
  const samples = { product: [] as number[], floor: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    samples.product.push(loadMs(product.file, env));
    samples.floor.push(loadMs(floor.file, env));
  }
  const p = summarise(samples.product);
  const f = summarise(samples.floor);
  const line = (label: string, built: Built, s: typeof p) =>
    `  ${label.padEnd(34)} ${kb(built.bytes).padStart(8)} at init (${kb(built.totalBytes)} built)   load p50 ${s.p50.toFixed(1).padStart(6)} ms  p90 ${s.p90.toFixed(1).padStart(6)} ms  (n=${s.count})`;
  return [
    'Cold start: Slack function bundle (esbuild, code-split minified ESM, source maps on) — what init loads, and its load time in a fresh Node',
    line('product lambdas/slack.ts', product, p),
    line('floor: bare Bolt AwsLambdaReceiver', floor, f),
    `  ratio product/floor                load p50 ${(p.p50 / f.p50).toFixed(2)}x, size ${(product.bytes / floor.bytes).toFixed(2)}x   (target load ≤ ${TARGET_RATIO}x, size ≤ ${kb(TARGET_BYTES)}: ${product.bytes <= TARGET_BYTES ? 'met' : 'NOT met'})`,
    `  largest loaded at init: ${product.largest.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`,
  ];
}
