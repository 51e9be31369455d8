import { topics } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { MessageBus } from '@labshare/messaging';
import type { StatementLog } from '../domain/ports';

/**
 * Billing's own topic read back by the statements consumer (`groupName`). Whether a late fact is an
 * adjustment depends on the statements issued before it, so after a restart, and above all after
 * a rebuild from the topics, no fact is rated until every statement issued before the start is
 * restored: the group has read the topic up to where it ended at the first ask. Once there, always there.
 */
export class StatementLogReader implements StatementLog {
  private target: Promise<Map<number, number>> | undefined;
  private caughtUp = false;

  constructor(
    private readonly bus: MessageBus,
    private readonly groupName: string,
    private readonly options: { pollMs?: number; maxWaitMs?: number } = {},
  ) {}

  async restored(): Promise<void> {
    if (this.caughtUp) return;
    this.target ??= this.bus.endOffsets(topics.billing);
    const target = await this.target;
    const deadline = Date.now() + (this.options.maxWaitMs ?? 20_000);
    while (!(await this.bus.hasCaughtUp(this.groupName, topics.billing, target))) {
      // Retryable: the consumer tries the fact again later, heartbeating meanwhile.
      if (Date.now() > deadline) throw errors.unavailable('Issued statements are still being restored.');
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 100));
    }
    this.caughtUp = true;
  }
}
