import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The entry file of a function in lambdas/. */
export function lambdaEntry(name: string): string {
  return join(root, 'lambdas', `${name}.ts`);
}
