import { isAbsolute, join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from './paths';

/**
 * How every function is bundled, said once: the CDK app builds each function's code with
 * these options (cdk/constructs/product-function.ts) and `npm run bench` measures exactly
 * what Lambda loads with the same ones (bench/bundle.ts).
 */
export const ESBUILD_SPEC = {
  format: 'esm',
  target: 'node22',
  platform: 'node',
  minify: true,
  sourceMap: true,
  /**
   * Maps give file and line in stack traces; the sources themselves are not needed there, and
   * without them the map Node parses at every cold start (--enable-source-maps) is far smaller.
   */
  sourcesContent: false,
  /**
   * Code split into chunks: what a function imports with `await import(…)` (the PDF and Word
   * readers of the importer, the Lambda client of the job queue) is a chunk read only when
   * first used, so the Slack function's cold start does not load the worker's code.
   */
  splitting: true,
  /** Prefer packages' ESM builds: esbuild can drop what ESM code does not import. */
  mainFields: ['module', 'main'],
  /** Bolt and its dependencies are CommonJS: give ESM output a `require` for them. */
  banner: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);",
  /** Bundled, not taken from the runtime: see README "Cold start" for why. */
  external: [] as string[],
  /** Resolved from the project root. See the stub for why these are safe to leave out. */
  alias: {
    express: './cdk/bundle-stubs/not-on-lambda.cjs',
    'raw-body': './cdk/bundle-stubs/not-on-lambda.cjs',
    '@slack/socket-mode': './cdk/bundle-stubs/not-on-lambda.cjs',
  } as Record<string, string>,
} as const;

/**
 * esbuild options for one function: `entry` (lambdas/<name>.ts, from the project root) into
 * `outdir` as index.mjs (Lambda's handler `index.handler`) and its chunks.
 */
export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: isAbsolute(entry) ? entry : join(PROJECT_ROOT, entry) },
    outdir,
    bundle: true,
    splitting: ESBUILD_SPEC.splitting,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: ESBUILD_SPEC.platform,
    format: ESBUILD_SPEC.format,
    target: ESBUILD_SPEC.target,
    minify: ESBUILD_SPEC.minify,
    sourcemap: ESBUILD_SPEC.sourceMap,
    sourcesContent: ESBUILD_SPEC.sourcesContent,
    alias: { ...ESBUILD_SPEC.alias },
    absWorkingDir: PROJECT_ROOT,
    mainFields: [...ESBUILD_SPEC.mainFields],
    banner: { js: ESBUILD_SPEC.banner },
    external: [...ESBUILD_SPEC.external],
    metafile: true,
    logLevel: 'warning',
  };
}
