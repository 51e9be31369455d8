import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '@labshare/logging';

export interface ScheduledJob {
  name: string;
  /** node-cron expression from config; 6 fields = seconds first, so tests need not wait minutes. */
  cron: string;
  run: (now: Date) => Promise<unknown>;
}

/** A lease shared by the replicas: only its holder runs a job's tick. */
export interface LeaseStore {
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

export interface SchedulerOptions {
  jobs: ScheduledJob[];
  leases: LeaseStore;
  logger: Logger;
  /** How long one tick's lease lasts; a replica that dies mid-run frees the job after this. */
  leaseMs?: number;
  timezone?: string;
}

/**
 * Runs scheduled scans. With several replicas each tick is taken by the replica holding the job's
 * lease (kept and renewed while it lives, released at stop); the jobs are idempotent besides, so a tick run twice (lease expired mid-run) is harmless.
 * A tick is skipped while the previous one of the same job is still running.
 */
export class Scheduler {
  private readonly holder = randomUUID();
  private readonly tasks: ScheduledTask[] = [];
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly options: SchedulerOptions) {
    for (const job of options.jobs) {
      if (!cron.validate(job.cron)) throw new Error(`Job ${job.name}: invalid cron expression "${job.cron}"`);
    }
  }

  start(): void {
    for (const job of this.options.jobs) {
      const task = cron.schedule(job.cron, () => this.tick(job), {
        name: job.name,
        ...(this.options.timezone ? { timezone: this.options.timezone } : {}),
        noOverlap: true,
      });
      this.tasks.push(task);
    }
  }

  /** Runs a job once now, under its lease (also what tests call to avoid waiting for the clock). */
  runNow(name: string): Promise<void> {
    const job = this.options.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`No job named ${name}`);
    return this.tick(job);
  }

  async stop(): Promise<void> {
    for (const task of this.tasks.splice(0)) await task.stop();
    await Promise.allSettled(this.inFlight.values());
    // Hand the jobs over to the other replicas now rather than when the leases run out.
    await Promise.allSettled(
      this.options.jobs.map((j) => this.options.leases.release(`job:${j.name}`, this.holder)),
    );
  }

  private tick(job: ScheduledJob): Promise<void> {
    const running = this.inFlight.get(job.name);
    if (running) return running;
    const work = this.runUnderLease(job).finally(() => this.inFlight.delete(job.name));
    this.inFlight.set(job.name, work);
    return work;
  }

  private async runUnderLease(job: ScheduledJob): Promise<void> {
    const { leases, logger } = this.options;
    const leaseName = `job:${job.name}`;
    try {
      if (!(await leases.acquire(leaseName, this.holder, this.options.leaseMs ?? 60_000))) return;
      const started = Date.now();
      const result = await job.run(new Date());
      logger.debug({ job: job.name, result, ms: Date.now() - started }, 'job ran');
    } catch (error) {
      logger.error({ err: error, job: job.name }, 'job failed; next tick retries');
    }
  }
}
