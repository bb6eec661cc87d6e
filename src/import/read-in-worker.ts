import { Worker } from 'node:worker_threads';
import { megabytes, READ_MEMORY_MB, READ_TIMEOUT_MS } from './limits';
import type { ImportProblem } from './parse/types';
import type { PaperReader, PaperReading, PaperReadRequest, YearReading } from './read-paper';

export interface WorkerReaderOptions {
  /** The worker's old-generation heap ceiling. */
  memoryMb?: number;
  timeoutMs?: number;
}

/**
 * Reads and parses each paper in a worker thread of its own with a memory ceiling
 * (resourceLimits), so a file that would take gigabytes ends the worker, never the process:
 * the CLI reports it and `npm start` keeps answering Slack and /health meanwhile. Used locally;
 * on AWS the worker Lambda reads papers itself (src/aws/worker.ts: one file per invocation,
 * its own 1 GB, and the zip and line bounds of ./limits.ts hold there too).
 *
 * The worker runs TypeScript through tsx's loader, as the local tools do (`npm start`, `npm
 * run import` are tsx): it is registered in the worker itself, so tests under vitest work too.
 */
export function createWorkerReader(options: WorkerReaderOptions = {}): PaperReader {
  const memoryMb = options.memoryMb ?? READ_MEMORY_MB;
  const timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS;
  const run = <T>(
    op: 'read' | 'year',
    request: Omit<PaperReadRequest, 'ijb' | 'planYear' | 'source'> & Partial<PaperReadRequest>,
  ) =>
    new Promise<T | { ok: false; problem: ImportProblem }>((resolve) => {
      const name = request.fileName;
      const refuse = (message: string, hint: string) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ ok: false, problem: { message, hint } });
      };
      const worker = new Worker(BOOT, {
        eval: true,
        execArgv: [],
        workerData: { op, request, module: new URL('./paper-worker.ts', import.meta.url).href },
        resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
      });
      const timer = setTimeout(
        () =>
          refuse(
            `${name} took longer than ${timeoutMs / 1000} s to read, so it was stopped; a real paper takes a second or two.`,
            'Check this is the Directions paper; save it again as .docx or .txt and send that.',
          ),
        timeoutMs,
      );
      worker.once('message', (result: T) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      });
      worker.once('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refuse(
              `${name} needs more than ${megabytes(memoryMb * 1024 * 1024)} of memory to read, so it was stopped; a real paper needs a few MB.`,
              'Check this is the Directions paper; save it again without embedded objects, or as .txt, and send that.',
            )
          : refuse(
              `${name} could not be read: ${String(error.message).slice(0, 200)}.`,
              'Open it and save it again (or export it as .docx or .txt), then send that.',
            ),
      );
      worker.once('exit', (code) =>
        refuse(
          `${name} could not be read (the reader stopped with code ${code}).`,
          'Try again; if it happens again, send the paper as .txt.',
        ),
      );
    });
  return {
    read: (request) => run<PaperReading>('read', request) as Promise<PaperReading>,
    yearOf: (bytes, fileName) => run<YearReading>('year', { bytes, fileName }) as Promise<YearReading>,
  };
}

// CommonJS, as eval workers are: register tsx's loader in this thread, then load the worker module.
const BOOT = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.module); });
`;
