import { describe, expect, it } from 'vitest';
import { agentVersion } from '../agentVersion.ts';
import { JobFailure } from './JobFailure.ts';
import { parseJobPayload } from './parseJobPayload.ts';

const location = { kind: 'filesystem', path: '/backups', prefix: 'fleet' };
const backup = { id: 'b1', name: 'nightly', spec: { version: 1, clusterId: 'c1', locationId: 'l1' } };
const rule = {
  id: 'r1',
  name: 'quiesce',
  spec: { version: 1, subRules: [{ podSelectors: ['app=db'], actions: [{ command: 'sync' }] }] },
};
const parse = (payload: unknown) => parseJobPayload(JSON.stringify(payload));

describe('parseJobPayload', () => {
  it("reads a backup with its spec and rules, filling their defaults", () => {
    const parsed = parse({ kind: 'backup', backup, location, preRule: rule, postRule: null });
    expect(parsed).toMatchObject({ kind: 'backup', postRule: null, backup: { spec: { clusterScoped: 'auto', ttlSeconds: 30 * 86_400 } } });
    expect(parsed.kind === 'backup' && parsed.preRule?.spec.subRules[0]?.actions[0]).toMatchObject({ command: 'sync', timeoutSeconds: 60 });
  });

  it('fails the job, saying to upgrade the agent, when a spec has a version it does not know', () => {
    const newer = { kind: 'backup', backup: { ...backup, spec: { ...backup.spec, version: 2 } }, location };
    expect(() => parse(newer)).toThrow(
      new JobFailure(
        `this agent (${agentVersion}) cannot run the job: its backup spec is version 2 (backup.spec.version), and this ` +
          'agent knows only version 1; a newer hub wrote it: upgrade the agent',
      ),
    );
    const newerRule = { kind: 'backup', backup, location, preRule: { ...rule, spec: { ...rule.spec, version: 3 } } };
    expect(() => parse(newerRule)).toThrow(/its rule spec is version 3 \(preRule\.spec\.version\).*upgrade the agent$/);
  });

  it('fails the job when a rule is not one this agent can run', () => {
    const bad = { ...rule, spec: { version: 1, subRules: [{ podSelectors: ['app=db'], actions: [{ command: 'a', argv: ['b'] }] }] } };
    expect(() => parse({ kind: 'backup', backup, location, postRule: bad })).toThrow(
      new JobFailure(
        `this agent (${agentVersion}) cannot run the job: postRule.spec.subRules[0].actions[0]: give command or argv, ` +
          "not both; the hub and agent versions may not match: upgrade the agent to the hub's version",
      ),
    );
    expect(() => parse({ kind: 'backup', backup, location, preRule: { spec: rule.spec } })).toThrow(
      'cannot run the job: preRule.id: must be a non-empty string',
    );
  });

  it('still refuses kinds and locations it does not know', () => {
    expect(() => parse({ kind: 'snapshot', location })).toThrow("kind: 'snapshot' is not a kind of job this reader knows");
    expect(() => parse({ kind: 'backup', backup, location: { kind: 'tape', prefix: '' } })).toThrow(
      "location.kind: 'tape' is not a kind of location this agent has a provider for",
    );
    expect(() => parseJobPayload('not json')).toThrow(JobFailure);
  });
});
