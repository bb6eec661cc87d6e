/**
 * Work that must not hold Slack's 3-second ack (posting to channels, updating a status card,
 * chasing leads) is handed to a queue as a job. Locally the queue runs jobs in this process
 * once the ack has gone; on AWS it invokes the worker function asynchronously (its own DLQ).
 * Each capability names its jobs and brings their handlers.
 */
export interface Job {
  kind: string;
  payload: unknown;
}

export type JobHandler = (payload: unknown) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface JobQueue {
  enqueue(job: Job): Promise<void>;
}

export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
}

/** Runs a job with the handler for its kind; unknown kinds are an error, not a silent drop. */
export async function runJob(handlers: JobHandlers, job: Job): Promise<void> {
  const handler = handlers[job.kind];
  if (!handler) throw new UnknownJobError(`No handler for job "${job.kind}"`);
  await handler(job.payload);
}

/**
 * The local queue: each job runs on the next turn of the event loop, after the HTTP ack has
 * been written. Failures are logged; `drain()` lets tests wait for the jobs in flight.
 */
export function createInProcessQueue(
  handlers: () => JobHandlers,
  onError: (job: Job, error: unknown) => void,
): JobQueue & { drain(): Promise<void> } {
  const running = new Set<Promise<void>>();
  return {
    async enqueue(job) {
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => runJob(handlers(), job))
        .catch((error: unknown) => onError(job, error))
        .finally(() => running.delete(run));
      running.add(run);
    },
    async drain() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
