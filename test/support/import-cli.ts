import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run import` as its own process against the test's dynalite: one node process (tsx as a
 * loader, not tsx's CLI, which would put a second process between a kill and the import).
 */
export function spawnImport(args: readonly string[], endpoint: string, tableName: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      TABLE_NAME: tableName,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Waits for the process to end, collecting what it wrote; `readAfterMs` holds back reading stdout, as a slow `| jq` does. */
export function finished(child: ChildProcess, readAfterMs = 0): Promise<Finished> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  if (readAfterMs > 0) {
    child.stdout?.pause();
    setTimeout(() => child.stdout?.resume(), readAfterMs);
  }
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve) =>
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    ),
  );
}
