// A process that runs under the platform's safety net and then fails in the background, the way a
// forgotten promise does: `FAIL_WITH=rejection|exception`. Used by process-safety-net tests.
import { correlation, createLogger } from '@labshare/logging';
import { runUntilStopped } from '@labshare/runtime';

const logger = createLogger({ service: 'failing-process' });
runUntilStopped(
  async () => {
    console.log('stopped gracefully');
  },
  { timeoutMs: 5000, logger },
);
console.log('ready');
setTimeout(() => {
  correlation.run('corr-safety-net', () => {
    if (process.env.FAIL_WITH === 'exception') {
      setImmediate(() => {
        throw new Error('boom (exception)');
      });
    } else {
      void Promise.reject(new Error('boom (rejection)'));
    }
  });
}, 50);
// Keeps the event loop alive until the safety net ends the process.
setInterval(() => undefined, 1000);
