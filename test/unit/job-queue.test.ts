import { describe, expect, it } from 'vitest';
import { createInProcessQueue, runJob, UnknownJobError } from '../../src/work/job-queue';

describe('in-process job queue', () => {
  it('runs a job after the current turn, with the handler for its kind', async () => {
    const seen: unknown[] = [];
    const queue = createInProcessQueue(
      () => ({ greet: async (payload) => void seen.push(payload) }),
      () => {},
    );
    await queue.enqueue({ kind: 'greet', payload: { to: 'U1' } });
    expect(seen).toEqual([]);
    await queue.drain();
    expect(seen).toEqual([{ to: 'U1' }]);
  });

  it('reports failures and unknown kinds instead of dropping them silently', async () => {
    const failures: string[] = [];
    const queue = createInProcessQueue(
      () => ({ fail: async () => Promise.reject(new Error('boom')) }),
      (job, error) => failures.push(`${job.kind}: ${(error as Error).message}`),
    );
    await queue.enqueue({ kind: 'fail', payload: null });
    await queue.enqueue({ kind: 'nobody', payload: null });
    await queue.drain();
    expect(failures).toEqual(['fail: boom', 'nobody: No handler for job "nobody"']);
    await expect(runJob({}, { kind: 'x', payload: 1 })).rejects.toBeInstanceOf(UnknownJobError);
  });
});
