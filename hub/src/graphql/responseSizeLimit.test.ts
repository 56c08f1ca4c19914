import { describe, expect, it } from 'vitest';
import { buildHubSchema } from '../server/buildHubSchema.ts';
import { limitResponseSize } from './responseSizeLimit.ts';

describe('limitResponseSize', () => {
  it('passes a result within the limit unchanged', () => {
    const result = { data: { a: 'x'.repeat(10) } };
    expect(limitResponseSize(result, 100)).toBe(result);
  });

  it('replaces a result over the limit with an error and no data', () => {
    const limited = limitResponseSize({ data: { a: 'x'.repeat(200) } }, 100);
    expect(limited.data).toBeUndefined();
    expect(limited.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(limited.errors?.[0]?.message).toMatch(/over the limit of 100/);
  });
});

describe('the pricing of big fields', () => {
  it("prices a backup's log and a result's warnings and errors above a plain field", async () => {
    const schema = await buildHubSchema();
    const complexityOf = (type: string, field: string) =>
      (schema.getType(type) as { getFields(): Record<string, { extensions: { complexity?: unknown } }> }).getFields()[
        field
      ]?.extensions.complexity;
    expect(complexityOf('Backup', 'log')).toBe(1_000);
    expect(complexityOf('OperationResult', 'warnings')).toBe(50);
    expect(complexityOf('OperationResult', 'errors')).toBe(50);
  });
});
