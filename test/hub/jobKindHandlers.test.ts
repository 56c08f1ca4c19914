import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJobPayload } from '../../agent/src/jobs/parseJobPayload.ts';
import { type JobKind, jobKinds, jobPayloadText } from '#schema/agent/JobPayload';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import { parseRuleSpec } from '#schema/contracts/RuleSpec';
import { BackupEntity } from '../../hub/src/backups/BackupEntity.ts';
import { CredentialEntity } from '../../hub/src/credentials/CredentialEntity.ts';
import { newId } from '../../hub/src/db/newId.ts';
import type { JobRow } from '../../hub/src/jobs/JobEntity.ts';
import { BackupLocationEntity } from '../../hub/src/locations/BackupLocationEntity.ts';
import { locationRepositoryKey } from '../../hub/src/locations/locationRepositoryKey.ts';
import { RestoreEntity } from '../../hub/src/restores/RestoreEntity.ts';
import { RuleEntity } from '../../hub/src/rules/RuleEntity.ts';
import { SecretBox } from '../../hub/src/secrets/SecretBox.ts';
import { createOrm } from '../../hub/src/server/createOrm.ts';
import { jobKindHandlers } from '../../hub/src/server/jobKindHandlers.ts';
import { TenantEntity } from '../../hub/src/tenants/TenantEntity.ts';
import { aBackup } from '../kit/seedCatalog.ts';

// The hub builds each kind's payload with its handler and the agent reads it with its own parser: a kind
// whose two sides disagree fails here, before any agent runs it.
describe('job kind handlers', () => {
  it('has exactly one handler per job kind', () => {
    expect(Object.keys(jobKindHandlers).sort()).toEqual([...jobKinds].sort());
  });

  describe('payloads', () => {
    const secrets = new SecretBox(randomBytes(32));
    const now = new Date();
    let orm: MikroORM;
    const subjects = {} as Record<JobKind, string>;
    const tenantId = newId();
    const clusterId = newId();

    beforeAll(async () => {
      // In memory: nothing is written to the data directory.
      orm = await createOrm({ dataDir: tmpdir(), sqliteFile: ':memory:' });
      const em = orm.em.fork();
      await em.insert(TenantEntity, { id: tenantId, name: 'job-kinds', displayName: 'Job kinds', createdAt: now });
      const credentialId = newId();
      await em.insert(CredentialEntity, {
        id: credentialId,
        tenantId,
        name: 'aws',
        kind: 'aws',
        secretFields: ['accessKeyId', 'secretAccessKey'],
        sealedSecret: secrets.seal({ kind: 'aws', accessKeyId: 'AKIA', secretAccessKey: 'secret' }, credentialId),
        createdAt: now,
        updatedAt: now,
      });
      const locationId = newId();
      await em.insert(BackupLocationEntity, {
        id: locationId,
        tenantId,
        name: 's3',
        kind: 's3',
        bucket: 'backups',
        prefix: 'fleet',
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
        credentialId,
        sealedRepositoryKey: locationRepositoryKey.seal(secrets, locationId, locationRepositoryKey.generate()),
        sealedPendingRepositoryKey: locationRepositoryKey.seal(secrets, locationId, locationRepositoryKey.generate()),
        createdAt: now,
        updatedAt: now,
      });
      const ruleId = newId();
      const ruleSpec = parseRuleSpec({ subRules: [{ podSelectors: ['app=db'], actions: [{ command: 'sync' }] }] });
      await em.insert(RuleEntity, { id: ruleId, tenantId, name: 'quiesce', spec: ruleSpec, createdAt: now, updatedAt: now });
      const backupId = await aBackup(tenantId, clusterId).inLocation(locationId).ofNamespaces(['shop']).insert(orm);
      const backup = await em.findOneOrFail(BackupEntity, { id: backupId }, { filters: false });
      backup.spec = { ...backup.spec, preRuleId: ruleId };
      await em.flush();
      const restoreId = newId();
      await em.insert(RestoreEntity, {
        id: restoreId,
        tenantId,
        clusterId,
        backupId,
        sourceClusterId: clusterId,
        spec: parseRestoreSpec({ version: 1, backupId, targetClusterId: clusterId }),
        targetNamespaces: ['shop'],
        phase: 'Pending',
        progress: { itemsDone: 0, itemsTotal: 0, bytes: 0 },
        createdAt: now,
      });
      Object.assign(subjects, {
        backup: backupId,
        restore: restoreId,
        validateLocation: locationId,
        deleteBackup: backupId,
        rebuildCatalog: locationId,
        rotateRepositoryKey: locationId,
      } satisfies Record<JobKind, string>);
    });
    afterAll(() => orm?.close());

    it.each(jobKinds)("builds a %s payload that the agent's parser reads back unchanged", async (kind) => {
      const job: JobRow = {
        id: newId(),
        tenantId,
        clusterId,
        kind,
        subjectId: subjects[kind],
        phase: 'Queued',
        attempts: 0,
        leaseExpiresAt: null,
        progress: null,
        error: null,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
      };
      const payload = await jobKindHandlers[kind].payload(orm.em.fork(), secrets, job);
      expect(payload.kind).toBe(kind);
      const wire = jobPayloadText(payload);
      expect(parseJobPayload(wire)).toEqual(JSON.parse(wire));
    });
  });
});
