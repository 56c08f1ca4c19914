import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { authorize, authorizeWholeTenant } from '../access/authorize.ts';
import { findReadable } from '../access/findReadable.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';
import { validateRegion } from '../credentials/validateRegion.ts';
import { BadUserInputError, ConflictError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { validateName } from '../graphql/validateName.ts';
import { BackupLocation, BackupLocationConnection } from './BackupLocation.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';
import {
  BackupLocationFilter,
  CreateBackupLocationInput,
  UpdateBackupLocationInput,
} from './BackupLocationInputs.ts';
import { backupLocationFilterQuery } from './backupLocationFilterQuery.ts';
import { checkLocationCredential, missingCredentialProblem } from './checkLocationCredential.ts';
import { checkUpdatableSettings } from './checkUpdatableSettings.ts';
import { countLocationBackups } from './countLocationBackups.ts';
import { BackupScheduleEntity } from '../schedules/BackupScheduleEntity.ts';
import { parseLocationInput } from './parseLocationInput.ts';
import { validateEndpoint } from './validateEndpoint.ts';
import { validateKeyRef } from './validateKeyRef.ts';
import { Job } from '../jobs/Job.ts';
import { queueLocationJob } from './queueLocationJob.ts';
import { locationRepositoryKey } from './locationRepositoryKey.ts';
import { rotateLocationKey } from './rotateLocationKey.ts';
import { validateRepositoryKey } from './validateRepositoryKey.ts';
import { newId } from '../db/newId.ts';
import { findVisible } from '../db/findVisible.ts';
import { requireTenant } from '../tenants/requireTenant.ts';

@Resolver(() => BackupLocation)
export class BackupLocationResolver {
  @Query(() => BackupLocationConnection, { description: "A tenant's backup locations, by name." })
  backupLocations(
    @Arg('tenantId', () => ID) tenantId: string,
    @Arg('filter', () => BackupLocationFilter, { nullable: true }) filter: BackupLocationFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ) {
    authorize(principal, 'read', { tenantId });
    return paginate(
      em,
      BackupLocationEntity,
      backupLocationFilterQuery(tenantId, filter),
      page,
      { sortBy: 'name', direction: 'asc' },
      BackupLocation.from,
    );
  }

  @Query(() => BackupLocation)
  async backupLocation(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupLocation> {
    return BackupLocation.from(await findReadable(em, principal, BackupLocationEntity, 'BackupLocation', id));
  }

  @Mutation(() => Job, {
    description:
      "Checks the location from inside a cluster: its agent writes, reads and deletes a probe object. Follow the job; the outcome lands in the location's `validation`.",
  })
  async validateBackupLocation(
    @Arg('id', () => ID) id: string,
    @Arg('clusterId', () => ID) clusterId: string,
    @Ctx() { em, principal, signals }: HubContext,
  ): Promise<Job> {
    return Job.from(await queueLocationJob(em, principal, 'validateLocation', { locationId: id, clusterId }, signals));
  }

  @Mutation(() => Job, {
    description:
      "Rebuilds the catalog from the location, after a database loss: the cluster's agent reads every committed backup's backup.json and the backups reappear with their ids, as backups of this cluster and of the location's tenant whatever cluster backup.json names. Follow the job; its progress message summarises what was imported.",
  })
  async rebuildCatalog(
    @Arg('locationId', () => ID) locationId: string,
    @Arg('clusterId', () => ID) clusterId: string,
    @Ctx() { em, principal, signals }: HubContext,
  ): Promise<Job> {
    return Job.from(await queueLocationJob(em, principal, 'rebuildCatalog', { locationId, clusterId }, signals));
  }

  @Mutation(() => Job, {
    description:
      "Rotates the key that wraps the master key of the location's repository, rewriting no data: the cluster's agent rewraps it, and when its job succeeds the hub holds the new key (a location with no repository yet just takes it); when it fails the old key stays and the job says why. `newKey` is base64 of 32 random bytes (`openssl rand -base64 32`); left out, the hub generates one. The key is never returned. An admin of the whole tenant only.",
  })
  async rotateLocationKey(
    @Arg('id', () => ID) id: string,
    @Arg('clusterId', () => ID) clusterId: string,
    @Arg('newKey', () => String, { nullable: true }) newKey: string | null,
    @Ctx() { em, principal, secrets, signals }: HubContext,
  ): Promise<Job> {
    return Job.from(await rotateLocationKey(em, principal, secrets, { locationId: id, clusterId, newKey: newKey ?? null }, signals));
  }

  @Mutation(() => BackupLocation)
  async createBackupLocation(
    @Arg('input', () => CreateBackupLocationInput) input: CreateBackupLocationInput,
    @Ctx() { em, principal, filesystemRoots, secrets }: HubContext,
  ): Promise<BackupLocation> {
    authorize(principal, 'administer', { tenantId: input.tenantId });
    await requireTenant(em, input.tenantId);
    const parsed = parseLocationInput(input, filesystemRoots);
    const credentialId = await checkLocationCredential(
      em,
      'input.credentialId',
      input.tenantId,
      parsed,
      input.credentialId ?? null,
    );
    const id = newId();
    const repositoryKey =
      input.repositoryKey == null
        ? locationRepositoryKey.generate()
        : validateRepositoryKey('input.repositoryKey', input.repositoryKey);
    const sealedRepositoryKey = locationRepositoryKey.seal(secrets, id, repositoryKey);
    const row = em.create(BackupLocationEntity, { id, tenantId: input.tenantId, ...parsed, credentialId, sealedRepositoryKey });
    await flushOrConflict(em, `this tenant already has a backup location named '${parsed.name}'`);
    return BackupLocation.from(row);
  }

  @Mutation(() => BackupLocation, {
    description: 'Changes how agents reach the location, not where its data is.',
  })
  async updateBackupLocation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateBackupLocationInput) input: UpdateBackupLocationInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<BackupLocation> {
    const row = await findVisible(em, BackupLocationEntity, 'BackupLocation', id);
    // Every cluster of the tenant may back up to it: changing it reaches them all.
    authorizeWholeTenant(principal, 'administer', row.tenantId, 'changing a backup location');
    checkUpdatableSettings(row.kind, input);
    if (input.name != null) row.name = validateName('input.name', input.name);
    if (input.encryptionKeyRef !== undefined) {
      row.encryptionKeyRef =
        input.encryptionKeyRef === null
          ? null
          : validateKeyRef('input.encryptionKeyRef', input.encryptionKeyRef);
    }
    if (input.region !== undefined) {
      row.region = input.region === null ? null : validateRegion('input.region', input.region);
    }
    if (input.endpoint !== undefined) {
      row.endpoint = input.endpoint === null ? null : validateEndpoint('input.endpoint', input.endpoint);
    }
    if (input.forcePathStyle !== undefined) row.forcePathStyle = input.forcePathStyle ?? false;
    const location = { kind: row.kind, endpoint: row.endpoint ?? null };
    if (input.credentialId !== undefined) {
      row.credentialId = await checkLocationCredential(
        em,
        'input.credentialId',
        row.tenantId,
        location,
        input.credentialId,
      );
    } else if (input.endpoint !== undefined && row.credentialId == null) {
      // A gcs location without a credential works only through its endpoint, which cannot go.
      const problem = missingCredentialProblem(location.kind, location.endpoint);
      if (problem !== null) throw new BadUserInputError('input.endpoint', problem);
    }
    await flushOrConflict(em, `this tenant already has a backup location named '${row.name}'`);
    return BackupLocation.from(row);
  }

  @Mutation(() => ID, { description: 'Deletes the location; refused while the catalog holds backups in it.' })
  async deleteBackupLocation(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<string> {
    const row = await findVisible(em, BackupLocationEntity, 'BackupLocation', id);
    // Every cluster of the tenant may back up to it: changing it reaches them all.
    authorizeWholeTenant(principal, 'administer', row.tenantId, 'changing a backup location');
    const backups = await countLocationBackups(em, id);
    if (backups > 0) {
      throw new ConflictError(
        `backup location '${row.name}' still holds ${backups} backup(s) in the catalog; delete them first`,
      );
    }
    // Whoever the caller's bindings let it see, a schedule anywhere in the tenant still writes here.
    const schedules = await em.count(BackupScheduleEntity, { locationId: id }, { filters: false });
    if (schedules > 0) {
      throw new ConflictError(
        `backup location '${row.name}' is the target of ${schedules} backup schedule(s); change or delete them first`,
      );
    }
    await em.remove(row).flush();
    return id;
  }
}
