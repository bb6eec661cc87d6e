import { parentPort, workerData } from 'node:worker_threads';
import { readAndParsePaper, yearOfPaperFile } from './read-paper';

/** The body of the worker thread of ./read-in-worker.ts: one read, one answer, then it exits. */
const { op, request } = workerData as {
  op: 'read' | 'year';
  request: Parameters<typeof readAndParsePaper>[0];
};
const result =
  op === 'read' ? await readAndParsePaper(request) : await yearOfPaperFile(request.bytes, request.fileName);
parentPort?.postMessage(result);
