import type { LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import type { Job, JobQueue } from '../work/job-queue';

/** What the worker function receives: the job, and the id that ties its logs to the Slack request. */
export const WorkerEventSchema = z.object({
  job: z.object({ kind: z.string().min(1), payload: z.unknown() }),
  correlationId: z.string().optional(),
  enqueuedAt: z.iso.datetime(),
});
export type WorkerEvent = z.infer<typeof WorkerEventSchema>;

/** Lambda's limit for an asynchronous invocation's payload. */
export const MAX_JOB_BYTES = 256 * 1024;

export class JobNotQueuedError extends Error {
  override name = 'JobNotQueuedError';
}

/**
 * Deferred jobs on AWS: each one an asynchronous invocation of the worker function, which
 * Lambda queues, retries twice and, failing that, sends to the worker's DLQ. The SDK client is
 * loaded on the first job, not at cold start: most Slack requests never defer anything.
 */
export function createLambdaJobQueue(options: {
  functionName: string;
  client: () => Promise<Pick<LambdaClient, 'send'>>;
  correlationId: () => string | undefined;
  clock: () => Date;
}): JobQueue {
  return {
    async enqueue(job: Job) {
      const event: WorkerEvent = {
        job,
        correlationId: options.correlationId(),
        enqueuedAt: options.clock().toISOString(),
      };
      const payload = Buffer.from(JSON.stringify(event), 'utf8');
      if (payload.byteLength > MAX_JOB_BYTES) {
        throw new JobNotQueuedError(
          `Job ${job.kind} is ${payload.byteLength} bytes; the worker takes at most ${MAX_JOB_BYTES}`,
        );
      }
      const { InvokeCommand } = await import('@aws-sdk/client-lambda');
      const client = await options.client();
      const result = await client.send(
        new InvokeCommand({ FunctionName: options.functionName, InvocationType: 'Event', Payload: payload }),
      );
      if (result.StatusCode !== 202) {
        throw new JobNotQueuedError(`Job ${job.kind} was not queued: Lambda answered ${result.StatusCode}`);
      }
    },
  };
}
