import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ServiceProcessOptions {
  name: string;
  /** The service's entry (`services/<name>/src/start.ts`), relative to the repository. */
  entry: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
  /** First restart delay; doubles after each quick crash, up to 30 s. */
  restartDelayMs?: number;
}

/** A process alive this long counts as healthy again: the next crash restarts it at once. */
const HEALTHY_AFTER_MS = 60_000;
const MAX_DELAY_MS = 30_000;
const STOP_GRACE_MS = 15_000;

/**
 * One service in a process of its own, kept running: a crash (or a SIGKILL from outside) is logged
 * and the service restarted with a growing delay, and nothing else is touched, so one service's
 * failure never stops the others. The child exits by itself if this supervisor dies without
 * stopping it (its stdin pipe closes: `--supervised`, see libs/runtime's runAsMain).
 *
 * The child runs in a process group of its own, so a Ctrl-C in the terminal (SIGINT to the whole
 * foreground group) reaches only the supervisor, which then stops each service once, before the
 * infrastructure it drains into. Were the child in the terminal's group, it would get the SIGINT and
 * then the supervisor's SIGTERM, and a second signal makes a service exit at once, undrained.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private delayMs: number;
  private restartTimer: NodeJS.Timeout | undefined;
  restarts = 0;

  constructor(private readonly options: ServiceProcessOptions) {
    this.delayMs = options.restartDelayMs ?? 1000;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const { name, entry, env, log } = this.options;
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, entry), '--supervised'], {
      cwd: repoRoot,
      env,
      stdio: ['pipe', 'inherit', 'inherit'],
      detached: true,
    });
    this.child = child;
    log(`${name} starting (pid ${child.pid})`);
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.stopping) return;
      const ranMs = Date.now() - startedAt;
      if (ranMs > HEALTHY_AFTER_MS) this.delayMs = this.options.restartDelayMs ?? 1000;
      log(
        `${name} exited (${signal ?? `code ${code}`}) after ${(ranMs / 1000).toFixed(1)} s; restarting in ${this.delayMs} ms`,
      );
      this.restartTimer = setTimeout(() => {
        this.restarts += 1;
        this.start();
      }, this.delayMs);
      this.delayMs = Math.min(this.delayMs * 2, MAX_DELAY_MS);
    });
  }

  /** SIGTERM (the service drains and stops), SIGKILL if it overruns the grace; says so if it did not exit 0. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
    );
    child.kill('SIGTERM');
    const deadline = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    const how = await exited;
    clearTimeout(deadline);
    if (how !== 'code 0') this.options.log(`${this.options.name} did not stop cleanly (${how})`);
  }
}
