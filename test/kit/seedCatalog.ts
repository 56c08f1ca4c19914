import type { MikroORM } from '@mikro-orm/core';
import { BackupEntity } from '../../hub/src/backups/BackupEntity.ts';
import type { BackupPhase } from '../../hub/src/backups/backupLifecycle.ts';
import { newId } from '../../hub/src/db/newId.ts';
import { BackupLocationEntity } from '../../hub/src/locations/BackupLocationEntity.ts';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { describeOutcomeProblem, type OutcomeProblems } from '#schema/agent/OutcomeProblem';

/** A catalog row as an agent would leave it; build with `aBackup(tenant, cluster).…` and `insert`. */
export class BackupBuilder {
  private phase: BackupPhase = 'Completed';
  private labels: Record<string, string> = {};
  private createdAt = new Date();
  private name: string | undefined;
  private includeNamespaces: string[] = [];
  private locationId: string | undefined;
  private problems: OutcomeProblems = { warnings: [], errors: [] };

  constructor(
    private readonly tenantId: string,
    private readonly clusterId: string,
  ) {}

  inPhase(phase: BackupPhase): this {
    this.phase = phase;
    return this;
  }

  withLabels(labels: Record<string, string>): this {
    this.labels = labels;
    return this;
  }

  createdAtTime(at: Date): this {
    this.createdAt = at;
    return this;
  }

  named(name: string): this {
    this.name = name;
    return this;
  }

  ofNamespaces(namespaces: string[]): this {
    this.includeNamespaces = namespaces;
    return this;
  }

  /** Its warnings and errors, with their objects, as an agent reports them. */
  withProblems(problems: OutcomeProblems): this {
    this.problems = problems;
    return this;
  }

  inLocation(locationId: string): this {
    this.locationId = locationId;
    return this;
  }

  /**
   * Writes the row and returns its id. Without `inLocation`, it goes into a filesystem location of its tenant
   * made for it (`seeded-…`), since the catalog only holds backups of existing locations.
   */
  async insert(orm: MikroORM): Promise<string> {
    const id = newId();
    const locationId = this.locationId ?? (await seededLocation(orm, this.tenantId, id));
    const spec = parseBackupSpec({
      clusterId: this.clusterId,
      locationId,
      includeNamespaces: this.includeNamespaces,
      labels: this.labels,
    });
    await orm.em.fork().insert(BackupEntity, {
      id,
      tenantId: this.tenantId,
      clusterId: this.clusterId,
      locationId: spec.locationId,
      name: this.name ?? `seeded-${id.slice(0, 8)}`,
      spec,
      labels: this.labels,
      phase: this.phase,
      progress: { itemsDone: 10, itemsTotal: 10, bytes: 4096 },
      result: {
        countsByKind: { Deployment: 2, ConfigMap: 8 },
        warnings: this.problems.warnings.map(describeOutcomeProblem),
        errors: this.problems.errors.map(describeOutcomeProblem),
        problems: this.problems,
      },
      createdAt: this.createdAt,
      startedAt: this.createdAt,
      completedAt: this.createdAt,
      expiresAt: new Date(this.createdAt.getTime() + spec.ttlSeconds * 1000),
    });
    return id;
  }
}

async function seededLocation(orm: MikroORM, tenantId: string, backupId: string): Promise<string> {
  const id = newId();
  await orm.em.fork().insert(BackupLocationEntity, {
    id,
    tenantId,
    name: `seeded-${backupId.slice(0, 8)}`,
    kind: 'filesystem',
    path: '/seeded',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  return id;
}

export function aBackup(tenantId: string, clusterId: string): BackupBuilder {
  return new BackupBuilder(tenantId, clusterId);
}
