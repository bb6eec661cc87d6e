/**
 * How every function is bundled, said once. The CDK app turns it into NodejsFunction
 * bundling options (cdk/constructs/lambda-defaults.ts) and `npm run bench` into esbuild API
 * options (bench/bundle.ts), so the benchmark measures exactly what Lambda loads.
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
  /** Prefer packages' ESM builds: esbuild can drop what ESM code does not import. */
  mainFields: ['module', 'main'],
  /** Bolt and its dependencies are CommonJS: give ESM output a `require` for them. */
  banner: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);",
  /** Bundled, not taken from the runtime: see README "Cold start" for why. */
  external: [] as string[],
  define: {} as Record<string, string>,
  /** Resolved from the project root. See the stub for why these are safe to leave out. */
  alias: {
    express: './cdk/bundle-stubs/not-on-lambda.cjs',
    'raw-body': './cdk/bundle-stubs/not-on-lambda.cjs',
    '@slack/socket-mode': './cdk/bundle-stubs/not-on-lambda.cjs',
  } as Record<string, string>,
} as const;
