import { join } from 'node:path';
import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import { Architecture, Code, Runtime } from 'aws-cdk-lib/aws-lambda';
import { buildSync } from 'esbuild';
import { lambdaBuildOptions } from '../esbuild-options';
import { PROJECT_ROOT } from '../paths';
import { addReportNatives } from '../report-natives';

/** Every function: Node 22 on arm64 (cheaper per GB-second than x86), bundled by esbuild. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;

/**
 * A function's code: esbuild run here, with the shared options (code-split ESM, so
 * NodejsFunction's single-file build will not do). No Docker: the image is never used.
 * The asset is named by what was built, so an unchanged bundle is not uploaded again.
 */
export function bundledCode(entry: string, options: { reportNatives?: boolean } = {}): Code {
  return Code.fromAsset(join(PROJECT_ROOT, 'lambdas'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      local: {
        tryBundle(outputDir) {
          buildSync(lambdaBuildOptions(entry, outputDir));
          if (options.reportNatives) addReportNatives(outputDir);
          return true;
        },
      },
    },
  });
}

export const DEFAULT_TIMEOUT = Duration.seconds(10);
