import { pathToFileURL } from 'node:url';
import type { RunningService } from './start-service';
import { runUntilStopped } from './run-until-stopped';

/**
 * Starts the service when its start file is the process entry point (`tsx services/x/src/start.ts`).
 * With `--supervised` (npm start's supervisor), the service also stops when its stdin pipe closes:
 * a supervisor that dies without stopping it leaves no orphan behind.
 */
export function runAsMain(moduleUrl: string, start: () => Promise<RunningService>): void {
  const entry = process.argv[1];
  if (!entry || moduleUrl !== pathToFileURL(entry).href) return;
  if (process.argv.includes('--supervised')) {
    process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')).resume();
  }
  start().then(
    (service) => runUntilStopped(() => service.stop(), { timeoutMs: 15_000, logger: service.logger }),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
