/**
 * Keeps a process up until SIGTERM or SIGINT, then runs `stop` once. A second signal, or a stop
 * that overruns `timeoutMs`, exits at once with a failure code.
 */
export function runUntilSignal(
  stop: () => Promise<void>,
  options: { timeoutMs: number; log: (msg: string) => void },
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    options.log(`${signal} received: stopping`);
    const deadline = setTimeout(() => {
      options.log('stop took too long: exiting');
      process.exit(1);
    }, options.timeoutMs);
    deadline.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        options.log(`stop failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
