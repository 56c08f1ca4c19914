import { describe, expect, it } from 'vitest';
import { WireError } from '../contracts/WireError.ts';
import { boundOutcome, parseOperationOutcome, withOutcomeError } from './OperationOutcome.ts';
import { describeOutcomeProblem, type OutcomeProblem } from './OutcomeProblem.ts';

const good = { phase: 'Completed', countsByKind: { ConfigMap: 2 }, bytes: 10, warnings: [], errors: [] };

describe('parseOperationOutcome', () => {
  it('accepts a well-formed outcome', () => {
    expect(parseOperationOutcome(good)).toEqual(good);
  });

  it('names the bad field', () => {
    expect(() => parseOperationOutcome(null)).toThrow(/^outcome: must be an object/);
    expect(() => parseOperationOutcome(null)).toThrow(WireError);
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

  describe('problems', () => {
    const missing: OutcomeProblem = { type: 'configmaps', namespace: 'shop', name: 'settings', message: 'could not be read' };
    const filter: OutcomeProblem = { type: null, namespace: null, name: null, message: "includeNamespaces: 'x*' matches no namespace" };
    const partial = {
      ...good,
      phase: 'PartiallyFailed',
      warnings: [describeOutcomeProblem(filter)],
      errors: [describeOutcomeProblem(missing)],
      problems: { warnings: [filter], errors: [missing] },
    };

    it('keeps each warning and error with the object it concerns', () => {
      expect(parseOperationOutcome(partial)).toEqual(partial);
      expect(partial.errors).toEqual(['configmaps shop/settings: could not be read']);
    });

    it('parses an outcome without them, as older agents and restores send', () => {
      expect(parseOperationOutcome(good)).not.toHaveProperty('problems');
    });

    it('refuses problems that do not list as many as the one-line forms, or name an object wrongly', () => {
      expect(() => parseOperationOutcome({ ...partial, problems: { warnings: [], errors: [missing] } })).toThrow(
        /^outcome\.problems\.warnings: must list as many as outcome\.warnings \(1\)/,
      );
      expect(() =>
        parseOperationOutcome({ ...partial, problems: { warnings: [filter], errors: [{ ...missing, namespace: 7 }] } }),
      ).toThrow(/outcome\.problems\.errors\[0\]\.namespace/);
      expect(() =>
        parseOperationOutcome({ ...partial, problems: { warnings: [{ ...filter, message: '' }], errors: [missing] } }),
      ).toThrow(/outcome\.problems\.warnings\[0\]\.message/);
      expect(() => parseOperationOutcome({ ...partial, problems: [] })).toThrow(/outcome\.problems: must be an object/);
    });

    it('bounds problems as the one-line forms, so both still agree', () => {
      const many = Array.from({ length: 1_500 }, (_, i) => ({ ...missing, name: `cm-${i}`, message: 'x'.repeat(2_000) }));
      const bounded = boundOutcome({
        ...partial,
        phase: 'PartiallyFailed',
        errors: many.map(describeOutcomeProblem),
        problems: { warnings: [filter], errors: many },
      } as never);
      expect(bounded.problems?.errors).toHaveLength(1_000);
      expect(bounded.problems?.errors.every((p) => p.message.length <= 1_000)).toBe(true);
      expect(bounded.problems?.errors.at(-1)).toEqual({
        type: null,
        namespace: null,
        name: null,
        message: expect.stringMatching(/and 501 more errors not kept/),
      });
      expect(parseOperationOutcome(bounded)).toEqual(bounded);
    });

    it('adds an error in both forms', () => {
      const failed = withOutcomeError(parseOperationOutcome(partial), 'the hub did not record every item');
      expect(failed.errors.at(-1)).toBe('the hub did not record every item');
      expect(failed.problems?.errors.at(-1)).toEqual({ type: null, namespace: null, name: null, message: 'the hub did not record every item' });
      expect(parseOperationOutcome(failed)).toEqual(failed);
    });
  });
});
