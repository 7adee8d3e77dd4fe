import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';

/** How a queue's jobs are fetched in this process. */
export interface WorkEachJobOptions {
  /** Independent fetch loops. */
  workers: number;
  /** Jobs fetched at once by each loop, and run at once. */
  batchSize: number;
  /** The wait between fetches that found no full batch. */
  pollingIntervalSeconds: number;
}

/**
 * Runs `handle` for each job of `queue`, each with its own outcome: a job whose handler throws
 * fails alone (and is retried by its queue's policy) while the others of its batch complete. A
 * loop whose fetch came back full fetches again at once (`burstWhenBatchFull`), so a backlog drains
 * at the speed of the handlers, not one batch per polling interval. Answers the worker ids.
 */
export async function workEachJob<Data extends object>(
  boss: PgBoss,
  queue: string,
  options: WorkEachJobOptions,
  handle: (job: JobWithMetadata<Data>) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < options.workers; index++) {
    ids.push(
      await boss.work<Data>(
        queue,
        {
          batchSize: options.batchSize,
          pollingIntervalSeconds: options.pollingIntervalSeconds,
          burstWhenBatchFull: true,
          includeMetadata: true,
          perJobResults: true,
        },
        async (jobs): Promise<JobResult[]> =>
          Promise.all(
            jobs.map(async (job): Promise<JobResult> => {
              try {
                await handle(job as JobWithMetadata<Data>);
                return { id: job.id, status: 'completed' };
              } catch (error) {
                return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
              }
            }),
          ),
      ),
    );
  }
  return ids;
}
