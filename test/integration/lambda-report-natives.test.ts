import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../../cdk/esbuild-options';
import { addReportNatives, REPORT_FONTS, RESVG } from '../../cdk/report-natives';

const HOST_BINARY = '@resvg/resvg-js-linux-x64-gnu';
const canRun = process.platform === 'linux' && process.arch === 'x64';
let bare: string;
let shipped: string;

/** The bundle's handler in a fresh Node process, from another folder, as Lambda runs it. */
async function draw(outdir: string, svg: string): Promise<{ drawn: boolean; bytes: string }> {
  const script = `const { handler } = await import(${JSON.stringify(join(outdir, 'index.mjs'))});
    process.stdout.write(JSON.stringify(await handler({ svg: process.env.SVG })));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', SVG: svg, LAMBDA_TASK_ROOT: outdir },
  });
  return JSON.parse(stdout);
}

// The Lambda binary is arm64; this machine runs the same layout with its own binary.
describe.skipIf(!canRun)('the chart in a Lambda bundle (resvg beside the bundle, fonts shipped)', () => {
  beforeAll(async () => {
    bare = mkdtempSync(join(tmpdir(), 'chart-bundle-'));
    shipped = mkdtempSync(join(tmpdir(), 'chart-bundle-'));
    for (const outdir of [bare, shipped])
      await build(lambdaBuildOptions(join('test', 'cdk', 'fixtures', 'chart.ts'), outdir));
    addReportNatives(shipped, HOST_BINARY);
  }, 60_000);
  afterAll(() => {
    for (const outdir of [bare, shipped]) rmSync(outdir, { recursive: true, force: true });
  });

  it('cannot draw from the bundle alone: esbuild leaves the native binary out', async () => {
    expect((await draw(bare, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')).drawn).toBe(
      false,
    );
  });

  it('draws, text included, with what the CDK app adds beside the bundle', async () => {
    expect(existsSync(join(shipped, 'node_modules', RESVG, 'package.json'))).toBe(true);
    for (const font of REPORT_FONTS) expect(existsSync(join(shipped, 'fonts', font))).toBe(true);
    const box = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-size="20" font-family="DejaVu Sans">${text}</text></svg>`;
    const words = await draw(shipped, box('Achieved 12'));
    const blank = await draw(shipped, box(''));
    expect(words.drawn).toBe(true);
    // The text was drawn with the shipped font: the picture differs from the same box without it.
    expect(words.bytes).not.toBe(blank.bytes);
  });
});
