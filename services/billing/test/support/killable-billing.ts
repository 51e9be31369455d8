import type { ChildProcess } from 'node:child_process';
import { exited, startChild } from '@labshare/testkit';

/** Billing as a child process (`billing-process.ts`) on a fixed port, to be SIGKILLed and started again. */
export function killableBilling(env: Record<string, string>, port: number) {
  let child: ChildProcess | undefined;
  return {
    async start(): Promise<void> {
      child = await startChild(
        'services/billing/test/support/billing-process.ts',
        // The broker's shortest session: a killed process's partitions go to its successor in
        // seconds rather than kafkajs's default 30 s.
        { KAFKA_SESSION_TIMEOUT_MS: '6000', ...env, BILLING_PORT: String(port) },
        'billing ready',
      );
    },
    async kill(): Promise<void> {
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}
