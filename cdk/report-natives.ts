import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths';

/**
 * What the functions that draw the board paper's chart need beside their bundle: resvg (a
 * native binary esbuild cannot pack; src/report/chart/png.ts requires it at run time) for
 * Lambda's Linux on arm64, and a font, since Lambda has none for resvg to find. The binary
 * is the lockfile's version of resvg's own linux-arm64-gnu package: taken from node_modules
 * when installed there (an arm64 Linux machine), else fetched once with `npm pack` into
 * node_modules/.cache. The fonts are DejaVu Sans (dejavu-fonts-ttf), as the local machine uses.
 */
export const RESVG = '@resvg/resvg-js';
export const RESVG_LAMBDA_BINARY = '@resvg/resvg-js-linux-arm64-gnu';
export const REPORT_FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

const modules = join(PROJECT_ROOT, 'node_modules');

function binaryDir(binary: string): string {
  const installed = join(modules, binary);
  if (existsSync(installed)) return installed;
  const { optionalDependencies = {} } = JSON.parse(
    readFileSync(join(modules, RESVG, 'package.json'), 'utf8'),
  );
  const version = optionalDependencies[binary] as string;
  const cache = join(modules, '.cache', 'lambda-natives', `${binary.replace('/', '+')}-${version}`);
  if (!existsSync(join(cache, 'package.json'))) {
    mkdirSync(cache, { recursive: true });
    const tarball = execFileSync(
      'npm',
      ['pack', `${binary}@${version}`, '--silent', '--pack-destination', cache],
      { cwd: cache, encoding: 'utf8' },
    ).trim();
    execFileSync('tar', ['-xzf', tarball, '--strip-components=1'], { cwd: cache });
  }
  return cache;
}

/** Copies resvg, its Lambda binary (or `binary`, for a test on this machine) and the fonts into a bundle folder. */
export function addReportNatives(outputDir: string, binary = RESVG_LAMBDA_BINARY): void {
  const into = (name: string) => join(outputDir, 'node_modules', name);
  cpSync(join(modules, RESVG), into(RESVG), { recursive: true });
  cpSync(binaryDir(binary), into(binary), {
    recursive: true,
    filter: (source) => !source.endsWith('.tgz'),
  });
  mkdirSync(join(outputDir, 'fonts'), { recursive: true });
  for (const font of REPORT_FONTS)
    cpSync(join(modules, 'dejavu-fonts-ttf', 'ttf', font), join(outputDir, 'fonts', font));
}
