import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The entry file of a function in lambdas/. */
export function lambdaEntry(name: string): string {
  return join(PROJECT_ROOT, 'lambdas', `${name}.ts`);
}
