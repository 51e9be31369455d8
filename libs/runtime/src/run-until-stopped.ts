/** What the process watch needs of the process (tests pass a fake). */
export interface WatchedProcess {
  on(event: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (error: unknown) => void): unknown;
}

export interface LifecycleLogger {
  info(message: string): void;
  fatal(fields: { err: unknown }, message: string): void;
}

export interface RunOptions {
  /** How long `stop` may take before the process exits anyway. */
  timeoutMs: number;
  logger: LifecycleLogger;
  process?: WatchedProcess;
  exit?: (code: number) => void;
  /** Milliseconds now (tests pass a fake). */
  now?: () => number;
}

/**
 * A second signal sooner than this after the first is the same stop asked twice: a Ctrl-C reaches npm
 * and the command npm runs (one process group), and npm then passes its copy on.
 */
const REPEAT_WINDOW_MS = 1000;

/**
 * The one place a process decides how it ends. SIGTERM or SIGINT: stop gracefully, exit 0. An
 * unhandled rejection or an uncaught exception: the process is in an unknown state, so log it (the
 * logger adds the correlation id of the work that failed), stop gracefully as far as possible, and
 * exit 1 so the supervisor restarts it. A second signal (a second or more after the first: see
 * REPEAT_WINDOW_MS), or a stop that overruns, exits at once.
 */
export function runUntilStopped(stop: () => Promise<void>, options: RunOptions): void {
  const proc = options.process ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const now = options.now ?? Date.now;
  const { logger } = options;
  let stopping = false;
  let firstSignalAt: number | undefined;
  const end = (code: number) => {
    if (stopping) return exit(code || 1);
    stopping = true;
    const deadline = setTimeout(() => {
      logger.info('stop took too long: exiting');
      exit(1);
    }, options.timeoutMs);
    deadline.unref();
    stop().then(
      () => exit(code),
      (error: unknown) => {
        logger.fatal({ err: error }, 'stop failed');
        exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined && now() - firstSignalAt < REPEAT_WINDOW_MS) return;
    firstSignalAt ??= now();
    logger.info(`${signal} received: ${stopping ? 'exiting at once' : 'stopping'}`);
    end(0);
  };
  const onFatal = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error }, `${kind}: stopping, then exiting with 1 for the supervisor to restart`);
    end(1);
  };
  proc.on('SIGTERM', onSignal);
  proc.on('SIGINT', onSignal);
  proc.on('unhandledRejection', onFatal('unhandled promise rejection'));
  proc.on('uncaughtException', onFatal('uncaught exception'));
}
