import { describe, expect, it } from 'vitest';
import { exited, startChild } from '@labshare/testkit';

describe('process safety net', () => {
  it.each(['rejection', 'exception'])(
    'when a process meets an unhandled %s, then it logs it as fatal with the correlation id, stops gracefully and exits 1',
    async (kind) => {
      const lines: string[] = [];
      const child = await startChild('test/support/failing-process.ts', { FAIL_WITH: kind }, 'ready');
      child.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
      expect(await exited(child)).toBe(1);
      const fatal = lines.filter((l) => l.includes('"level":60')).map((l) => JSON.parse(l));
      expect(fatal).toEqual([
        expect.objectContaining({
          correlationId: 'corr-safety-net',
          err: expect.objectContaining({ message: `boom (${kind})` }),
        }),
      ]);
      expect(lines).toContain('stopped gracefully');
    },
  );
});
