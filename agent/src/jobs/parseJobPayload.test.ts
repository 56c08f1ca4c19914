import { describe, expect, it } from 'vitest';
import { JobFailure } from './JobFailure.ts';
import { parseJobPayload } from './parseJobPayload.ts';

const location = { kind: 'filesystem', path: '/backups', prefix: 'fleet' };
const backup = { id: 'b1', name: 'nightly', spec: {} };
const rule = {
  id: 'r1',
  name: 'quiesce',
  spec: { version: 1, subRules: [{ podSelectors: ['app=db'], actions: [{ command: 'sync' }] }] },
};
const parse = (payload: unknown) => parseJobPayload(JSON.stringify(payload));

describe('parseJobPayload', () => {
  it("validates a backup's rules, with their defaults", () => {
    const parsed = parse({ kind: 'backup', backup, location, preRule: rule, postRule: null });
    expect(parsed).toMatchObject({ kind: 'backup', postRule: null });
    expect(parsed.kind === 'backup' && parsed.preRule).toEqual({
      id: 'r1',
      name: 'quiesce',
      spec: {
        version: 1,
        subRules: [
          {
            podSelectors: ['app=db'],
            namespaces: [],
            actions: [
              {
                command: 'sync',
                argv: null,
                container: null,
                background: false,
                runInSinglePod: false,
                timeoutSeconds: 60,
                continueOnFailure: false,
              },
            ],
          },
        ],
      },
    });
  });

  it('reads absent rules, from a hub that predates them, as none', () => {
    expect(parse({ kind: 'backup', backup, location })).toMatchObject({ preRule: null, postRule: null });
  });

  it('fails the job when a rule is not one this agent can run', () => {
    const bad = { ...rule, spec: { version: 1, subRules: [{ podSelectors: ['app=db'], actions: [{ command: 'a', argv: ['b'] }] }] } };
    expect(() => parse({ kind: 'backup', backup, location, postRule: bad })).toThrow(
      new JobFailure(
        "rule 'quiesce' is not one this agent can run (postRule.spec.subRules[0].actions[0]: give command or argv, " +
          'not both); the hub and agent versions may not match',
      ),
    );
    expect(() => parse({ kind: 'backup', backup, location, preRule: { spec: rule.spec } })).toThrow(
      "the job payload's preRule has no id and name",
    );
  });

  it('still refuses kinds and locations it does not know', () => {
    expect(() => parse({ kind: 'snapshot', location })).toThrow("does not know jobs of kind 'snapshot'");
    expect(() => parse({ kind: 'backup', backup, location: { kind: 'tape', prefix: '' } })).toThrow(
      "does not know locations of kind 'tape'",
    );
  });
});
