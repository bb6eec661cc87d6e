import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
// @ts-expect-error dynalite ships no types
import dynalite from 'dynalite';

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite in this process on a free loopback port: persisted under `dataDir`, or
 * in memory when `dataDir` is undefined (tests, benchmarks).
 */
export async function startEmbeddedDynamo(dataDir?: string): Promise<EmbeddedDynamo> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const server: Server = dynalite({
    ...(dataDir ? { path: join(dataDir, 'dynamodb') } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error?: Error) => (error ? fail(error) : done()));
      }),
  };
}

/** Where a running `npm start` says its embedded DynamoDB listens, for the other tools to find it. */
export function endpointFile(dataDir: string): string {
  return join(resolve(dataDir), 'dynamodb.endpoint');
}

export async function announceEndpoint(dataDir: string, endpoint: string): Promise<void> {
  await writeFile(endpointFile(dataDir), `${endpoint}\n`);
}

export async function withdrawEndpoint(dataDir: string): Promise<void> {
  await rm(endpointFile(dataDir), { force: true });
}

export async function announcedEndpoint(dataDir: string): Promise<string | undefined> {
  try {
    return (await readFile(endpointFile(dataDir), 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}
