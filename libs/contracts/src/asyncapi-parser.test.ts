import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument } from './index';

describe('AsyncAPI document against the official parser', () => {
  it('when @asyncapi/parser reads the document, then it parses with no errors', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.channels().all().length).toBeGreaterThanOrEqual(6);
  });
});
