import { describe, expect, it } from 'vitest';
import { UnknownVersionError } from '../contracts/UnknownVersionError.ts';
import { WireError } from '../contracts/WireError.ts';
import { type JobPayload, type LocationReader, type LocationTarget, jobPayloadText, parseJobPayload as parsePayload } from './JobPayload.ts';

/**
 * The location reader of a reader whose one storage provider is a filesystem: the agent's providers parse
 * their own kinds and are tested beside them (agent/src/storage/parseLocationTarget.test.ts).
 */
const readFilesystem: LocationReader = (r) => ({
  kind: r.oneOf('kind', ['filesystem'], 'filesystem'),
  path: r.string('path'),
  prefix: r.stringOrEmpty('prefix'),
});
const parseJobPayload = (text: string | null) => parsePayload(text, readFilesystem);

const filesystem: LocationTarget = { kind: 'filesystem', path: '/backups', prefix: '' };
const backupSpec = {
  version: 1 as const,
  clusterId: 'c1',
  locationId: 'l1',
  includeNamespaces: ['shop'],
  excludeNamespaces: [],
  labelSelectors: [],
  includeResources: [],
  excludeResources: [],
  clusterScoped: 'auto' as const,
  volumes: true,
  preRuleId: 'r1',
  postRuleId: null,
  ttlSeconds: 3600,
  labels: {},
};
const rule = {
  id: 'r1',
  name: 'quiesce',
  spec: {
    version: 1 as const,
    subRules: [
      {
        podSelectors: ['app=db'],
        namespaces: [],
        actions: [
          { command: 'sync', argv: null, container: null, background: false, runInSinglePod: false, timeoutSeconds: 60, continueOnFailure: false },
        ],
      },
    ],
  },
};
const restoreSpec = {
  version: 1 as const,
  backupId: 'b1',
  targetClusterId: 'c2',
  namespaceMapping: { shop: 'shop-copy' },
  includeNamespaces: [],
  excludeNamespaces: [],
  includeResources: [],
  excludeResources: [],
  labelSelectors: [],
  existingResourcePolicy: 'skip' as const,
  clusterScoped: 'auto' as const,
  storageClassMapping: {},
  dryRun: false,
};

const payloads: JobPayload[] = [
  { kind: 'validateLocation', location: filesystem },
  {
    kind: 'rebuildCatalog',
    location: { kind: 'filesystem', path: '/catalog', prefix: 'fleet' },
  },
  {
    kind: 'backup',
    backup: { id: 'b1', name: 'nightly', spec: backupSpec },
    location: filesystem,
    preRule: rule,
    postRule: null,
  },
  {
    kind: 'restore',
    restore: { id: 'r1', spec: restoreSpec },
    backup: { id: 'b1', name: 'nightly' },
    location: { ...filesystem, prefix: 'p' },
  },
  { kind: 'deleteBackup', backup: { id: 'b1', name: 'nightly' }, location: { ...filesystem, prefix: 'x' } },
];

function errorOf(text: string | null): WireError {
  try {
    parseJobPayload(text);
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseJobPayload', () => {
  it.each(payloads.map((p) => [p.kind, p] as const))('reads a %s payload as the hub wrote it', (_kind, payload) => {
    expect(parseJobPayload(jobPayloadText(payload))).toEqual(payload);
  });

  it("reads a backup's absent rules, from a hub that predates them, as none", () => {
    const { preRule: _pre, postRule: _post, ...older } = payloads[2] as Extract<JobPayload, { kind: 'backup' }>;
    expect(parseJobPayload(JSON.stringify(older))).toMatchObject({ preRule: null, postRule: null });
  });

  it('refuses a backup spec of a version it does not know, naming the spec, the version and the field', () => {
    const newer = { ...payloads[2], backup: { id: 'b1', name: 'nightly', spec: { ...backupSpec, version: 2 } } };
    const error = errorOf(JSON.stringify(newer));
    expect(error).toBeInstanceOf(UnknownVersionError);
    expect(error).toMatchObject({ field: 'backup.spec.version', contract: 'backup spec', found: 2, known: [1] });
  });

  it('refuses restore and rule specs of versions it does not know', () => {
    const restore = { ...payloads[3], restore: { id: 'r1', spec: { ...restoreSpec, version: 3 } } };
    expect(errorOf(JSON.stringify(restore))).toMatchObject({ field: 'restore.spec.version', contract: 'restore spec', found: 3 });
    const backup = { ...payloads[2], postRule: { ...rule, spec: { ...rule.spec, version: 2 } } };
    expect(errorOf(JSON.stringify(backup))).toMatchObject({ field: 'postRule.spec.version', contract: 'rule spec', found: 2 });
  });

  it('validates specs whole, as the hub did', () => {
    const bad = { ...payloads[2], backup: { id: 'b1', name: 'n', spec: { ...backupSpec, includeNamespaces: ['Shop'] } } };
    expect(errorOf(JSON.stringify(bad)).field).toBe('backup.spec.includeNamespaces[0]');
    const twice = { ...payloads[2], preRule: { ...rule, spec: { version: 1, subRules: [{ podSelectors: ['a=b'], actions: [{ command: 'a', argv: ['b'] }] }] } } };
    expect(errorOf(JSON.stringify(twice)).message).toBe('preRule.spec.subRules[0].actions[0]: give command or argv, not both');
  });

  it('refuses kinds of job it does not know, and payloads that are not JSON', () => {
    expect(errorOf(JSON.stringify({ kind: 'snapshot', location: filesystem })).message).toMatch(
      /^kind: 'snapshot' is not a kind of job this reader knows \(backup, restore, validateLocation, deleteBackup, rebuildCatalog, rotateRepositoryKey\)$/,
    );
    expect(errorOf('{').message).toBe('payload: must be JSON');
    expect(errorOf(null).message).toBe('payload: must be JSON');
  });

  it("names a missing or mistyped field, the location's as its reader named it", () => {
    expect(errorOf(JSON.stringify({ kind: 'deleteBackup', backup: { id: 'b1' }, location: filesystem })).field).toBe('backup.name');
    expect(errorOf(JSON.stringify({ kind: 'validateLocation', location: { ...filesystem, prefix: 3 } })).field).toBe('location.prefix');
    expect(errorOf(JSON.stringify({ kind: 'rebuildCatalog', location: { kind: 'tape', prefix: '' } })).field).toBe('location.kind');
    expect(errorOf(JSON.stringify({ kind: 'restore', ...payloads[3], location: null })).message).toBe('location: must be an object');
  });
});

describe('parseJobPayload of a key rotation', () => {
  const withKey: LocationReader = (r) => ({ ...readFilesystem(r), ...(r.get('repositoryKey') ? { repositoryKey: r.string('repositoryKey') } : {}) });
  const oldKey = Buffer.alloc(32, 1).toString('base64');
  const newKey = Buffer.alloc(32, 2).toString('base64');
  const rotation: JobPayload = { kind: 'rotateRepositoryKey', location: { ...filesystem, repositoryKey: oldKey }, newRepositoryKey: newKey };

  it('reads both keys back as the hub sent them', () => {
    expect(parsePayload(jobPayloadText(rotation), withKey)).toEqual(rotation);
  });

  it("refuses a rotation whose location carries no key, and a new key that is not base64 of 32 bytes, without quoting it", () => {
    const keyless = { ...rotation, location: filesystem };
    expect(() => parsePayload(JSON.stringify(keyless), withKey)).toThrow(/^location\.repositoryKey: /);
    const short = Buffer.alloc(31, 2).toString('base64');
    let caught: unknown;
    try {
      parsePayload(JSON.stringify({ ...rotation, newRepositoryKey: short }), withKey);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WireError);
    expect(caught).toMatchObject({ field: 'newRepositoryKey', problem: 'must hold 32 bytes, not 31' });
    expect((caught as Error).message).not.toContain(short);
  });
});
