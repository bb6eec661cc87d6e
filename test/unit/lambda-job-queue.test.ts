import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { createLambdaJobQueue, JobNotQueuedError, WorkerEventSchema } from '../../src/aws/lambda-job-queue';
import { once } from '../../src/aws/slack-secrets';

function queueWith(statusCode = 202) {
  const sent: InvokeCommand[] = [];
  const queue = createLambdaJobQueue({
    functionName: 'ijb-worker',
    client: async () =>
      ({
        send: async (command: InvokeCommand) => {
          sent.push(command);
          return { StatusCode: statusCode };
        },
      }) as never,
    correlationId: () => 'req-123',
    clock: () => new Date('2024-12-20T10:00:00Z'),
  });
  return { queue, sent };
}

describe('the Lambda job queue', () => {
  it('invokes the worker asynchronously with the job and the request’s correlation id', async () => {
    const { queue, sent } = queueWith();

    await queue.enqueue({ kind: 'post-status-card', payload: { ref: '5.1', text: 'Café ☕' } });

    expect(sent).toHaveLength(1);
    const input = sent[0]?.input;
    expect(input).toMatchObject({ FunctionName: 'ijb-worker', InvocationType: 'Event' });
    const event = WorkerEventSchema.parse(
      JSON.parse(Buffer.from(input?.Payload as Uint8Array).toString('utf8')),
    );
    expect(event).toEqual({
      job: { kind: 'post-status-card', payload: { ref: '5.1', text: 'Café ☕' } },
      correlationId: 'req-123',
      enqueuedAt: '2024-12-20T10:00:00.000Z',
    });
  });

  it('refuses a job larger than Lambda takes, before sending anything', async () => {
    const { queue, sent } = queueWith();
    await expect(queue.enqueue({ kind: 'big', payload: 'x'.repeat(300_000) })).rejects.toThrow(
      JobNotQueuedError,
    );
    expect(sent).toHaveLength(0);
  });

  it('says so when Lambda does not accept the job', async () => {
    const { queue } = queueWith(500);
    await expect(queue.enqueue({ kind: 'k', payload: {} })).rejects.toThrow(/not queued/);
  });
});

describe('once per cold start', () => {
  it('shares one read between invocations, but tries again after a failed one', async () => {
    let reads = 0;
    const secret = once(async () => {
      reads++;
      if (reads === 1) throw new Error('secret not set yet');
      return 'value';
    });

    await expect(secret()).rejects.toThrow('secret not set yet');
    expect(await secret()).toBe('value');
    expect(await secret()).toBe('value');
    expect(reads).toBe(2);
  });
});
