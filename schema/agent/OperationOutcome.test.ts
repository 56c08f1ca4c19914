import { describe, expect, it } from 'vitest';
import { boundOutcome, parseOperationOutcome } from './OperationOutcome.ts';

const good = { phase: 'Completed', countsByKind: { ConfigMap: 2 }, bytes: 10, warnings: [], errors: [] };

describe('parseOperationOutcome', () => {
  it('accepts a well-formed outcome', () => {
    expect(parseOperationOutcome(good)).toEqual(good);
  });

  it('names the bad field', () => {
    expect(() => parseOperationOutcome(null)).toThrow(/^outcome: must be an object/);
    expect(() => parseOperationOutcome({ ...good, phase: 'Done' })).toThrow(/outcome\.phase/);
    expect(() => parseOperationOutcome({ ...good, countsByKind: { Pod: -1 } })).toThrow(/countsByKind\.Pod/);
    expect(() => parseOperationOutcome({ ...good, bytes: 'x' })).toThrow(/outcome\.bytes/);
    expect(() => parseOperationOutcome({ ...good, warnings: [1] })).toThrow(/outcome\.warnings/);
  });

  it('keeps at most 1,000 warnings of at most 1,000 characters and says how many more there were', () => {
    const warnings = Array.from({ length: 25_000 }, (_, i) => `${i}: ${'w'.repeat(5_000)}`);
    const parsed = parseOperationOutcome({ ...good, warnings });
    expect(parsed.warnings).toHaveLength(1_000);
    expect(parsed.warnings.every((w) => w.length <= 1_000)).toBe(true);
    expect(parsed.warnings.at(-1)).toMatch(/and 24001 more warnings not kept/);
  });

  it('bounds an outcome before the agent sends it, as the hub would keep it', () => {
    const errors = Array.from({ length: 5_000 }, (_, i) => `item ${i} failed`);
    const bounded = boundOutcome({ ...good, phase: 'PartiallyFailed', errors } as never);
    expect(bounded.errors).toHaveLength(1_000);
    expect(parseOperationOutcome(bounded).errors).toEqual(bounded.errors);
  });

  it('refuses countsByKind naming too many or overlong kinds', () => {
    const many = Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`kind${i}`, 1]));
    expect(() => parseOperationOutcome({ ...good, countsByKind: many })).toThrow(/at most 2000 kinds/);
    expect(() => parseOperationOutcome({ ...good, countsByKind: { ['k'.repeat(400)]: 1 } })).toThrow(/countsByKind/);
  });

  it('takes itemCount, every item handled, and refuses one that is not a count', () => {
    expect(parseOperationOutcome({ ...good, itemCount: 31 })).toEqual({ ...good, itemCount: 31 });
    expect(parseOperationOutcome(good)).not.toHaveProperty('itemCount');
    expect(() => parseOperationOutcome({ ...good, itemCount: -1 })).toThrow(/outcome\.itemCount/);
    expect(() => parseOperationOutcome({ ...good, itemCount: 1.5 })).toThrow(/outcome\.itemCount/);
  });

  it('takes the kind of each counted type, and refuses a kind for an uncounted type or one that is not a kind', () => {
    const counted = { ...good, countsByKind: { configmaps: 2 } };
    expect(parseOperationOutcome({ ...counted, kinds: { configmaps: 'ConfigMap' } })).toEqual({ ...counted, kinds: { configmaps: 'ConfigMap' } });
    expect(() => parseOperationOutcome({ ...counted, kinds: { secrets: 'Secret' } })).toThrow(/outcome\.kinds\.secrets/);
    expect(() => parseOperationOutcome({ ...counted, kinds: { configmaps: '<b>' } })).toThrow(/outcome\.kinds\.configmaps/);
  });

  it('refuses a Completed outcome that lists errors', () => {
    expect(() => parseOperationOutcome({ ...good, errors: ['x failed'] })).toThrow(/PartiallyFailed/);
  });

  describe('log', () => {
    const ruleLine = {
      level: 'info',
      message: 'pre-exec rule flush ran in db/db-0',
      resource: 'pods',
      namespace: 'db',
      name: 'db-0',
      rule: { hook: 'pre', id: 'r1', name: 'flush', subRule: 1, action: 1, container: 'db', exitCode: 0, stdout: 'flushed\n' },
    };

    it('accepts a bounded log and says whether it was cut', () => {
      const outcome = { ...good, log: [ruleLine, { level: 'warning', message: 'x skipped' }], logTruncated: true };
      expect(parseOperationOutcome(outcome)).toEqual(outcome);
    });

    it('parses an outcome without a log, as older agents send', () => {
      expect(parseOperationOutcome(good)).not.toHaveProperty('log');
    });

    it('refuses a bad level, a bad field or a bad rule', () => {
      expect(() => parseOperationOutcome({ ...good, log: [{ level: 'debug', message: 'x' }] })).toThrow(
        /outcome\.log\[0\]\.level/,
      );
      expect(() => parseOperationOutcome({ ...good, log: [{ level: 'info' }] })).toThrow(/outcome\.log\[0\]\.message/);
      expect(() => parseOperationOutcome({ ...good, log: [{ ...ruleLine, namespace: 3 }] })).toThrow(/log\[0\]\.namespace/);
      expect(() => parseOperationOutcome({ ...good, log: [{ ...ruleLine, rule: { ...ruleLine.rule, hook: 'mid' } }] })).toThrow(
        /log\[0\]\.rule\.hook/,
      );
      expect(() => parseOperationOutcome({ ...good, log: 'x' })).toThrow(/outcome\.log: must be a list/);
      expect(() => parseOperationOutcome({ ...good, logTruncated: 'yes' })).toThrow(/outcome\.logTruncated/);
    });

    it('refuses a log past the line or byte limit', () => {
      const many = Array.from({ length: 1_001 }, () => ({ level: 'info', message: 'x' }));
      expect(() => parseOperationOutcome({ ...good, log: many })).toThrow(/at most 1000 lines/);
      const big = Array.from({ length: 3 }, () => ({ level: 'info', message: 'x'.repeat(100 * 1024) }));
      expect(() => parseOperationOutcome({ ...good, log: big })).toThrow(/at most 262144 bytes/);
    });
  });
});
