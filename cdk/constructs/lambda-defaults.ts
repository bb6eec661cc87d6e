import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { ESBUILD_SPEC } from '../esbuild-options';

/** Every function: Node 22 on arm64 (cheaper per GB-second than x86), bundled by esbuild. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;

export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: ESBUILD_SPEC.target,
  minify: ESBUILD_SPEC.minify,
  sourceMap: ESBUILD_SPEC.sourceMap,
  sourcesContent: ESBUILD_SPEC.sourcesContent,
  mainFields: [...ESBUILD_SPEC.mainFields],
  banner: ESBUILD_SPEC.banner,
  externalModules: [...ESBUILD_SPEC.external],
  define: { ...ESBUILD_SPEC.define },
  // NodejsFunction has no alias option; esbuild's CLI takes one flag per alias.
  esbuildArgs: Object.fromEntries(
    Object.entries(ESBUILD_SPEC.alias).map(([name, path]) => [`--alias:${name}`, path]),
  ),
};

export const DEFAULT_TIMEOUT = Duration.seconds(10);
