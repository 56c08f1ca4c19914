import { Link } from '../router/Link.tsx';
import { formatDuration } from '../ui/formatDuration.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { ClusterName } from './clusterNamesQuery.ts';
import { describeClusterScoped } from './describeClusterScoped.ts';
import { describePolicy } from './describePolicy.ts';
import type { RestoreData } from './RestoreData.ts';
import { backupPath } from './restorePaths.ts';

export interface RestoreSummaryProps {
  restore: RestoreData;
  backupName: string | undefined;
  clusters: ReadonlyMap<string, ClusterName>;
  now: number;
}

/** A restore's choices and times: which backup, from where into where, what it includes, how it treats existing objects. */
export function RestoreSummary({ restore, backupName, clusters, now }: RestoreSummaryProps) {
  const { spec } = restore;
  const name = (id: string) => clusters.get(id)?.name ?? id;
  const ended = restore.completedAt ? new Date(restore.completedAt).getTime() : undefined;
  const began = restore.startedAt ? new Date(restore.startedAt).getTime() : undefined;
  return (
    <dl className="facts">
      <div>
        <dt>Backup</dt>
        <dd>
          <Link to={backupPath(restore.backupId)}>{backupName ?? restore.backupId}</Link>
        </dd>
      </div>
      <div>
        <dt>From → into</dt>
        <dd>
          {name(restore.sourceClusterId)} → <strong>{name(restore.targetClusterId)}</strong>
        </dd>
      </div>
      <div>
        <dt>Namespaces</dt>
        <dd>
          {spec.includeNamespaces.length ? spec.includeNamespaces.join(', ') : 'all in the backup'}
          {spec.excludeNamespaces.length > 0 && <span className="subtle">except {spec.excludeNamespaces.join(', ')}</span>}
        </dd>
      </div>
      <div>
        <dt>Renamed</dt>
        <dd data-testid="namespace-mapping">
          {spec.namespaceMapping.length
            ? spec.namespaceMapping.map((m) => (
                <span key={m.from} className="mapping">
                  {m.from} → {m.to}
                </span>
              ))
            : 'none: namespaces keep their names'}
        </dd>
      </div>
      <div>
        <dt>Kinds</dt>
        <dd>
          {spec.includeResources.length ? `only ${spec.includeResources.join(', ')}` : 'all'}
          {spec.excludeResources.length > 0 && <span className="subtle">except {spec.excludeResources.join(', ')}</span>}
        </dd>
      </div>
      {spec.labelSelectors.length > 0 && (
        <div>
          <dt>Labels</dt>
          <dd>
            {spec.labelSelectors.map((s) => (
              <code key={s} className="label">
                {s}
              </code>
            ))}
          </dd>
        </div>
      )}
      <div>
        <dt>Existing objects</dt>
        <dd>{describePolicy(spec.existingResourcePolicy).label}</dd>
      </div>
      <div>
        <dt>Cluster-scoped objects</dt>
        <dd>{describeClusterScoped(spec.clusterScoped).label}</dd>
      </div>
      {spec.storageClassMapping.length > 0 && (
        <div>
          <dt>Storage classes</dt>
          <dd>{spec.storageClassMapping.map((m) => `${m.from} → ${m.to}`).join(', ')}</dd>
        </div>
      )}
      <div>
        <dt>Asked for</dt>
        <dd>
          <RelativeTime at={restore.createdAt} now={now} />
        </dd>
      </div>
      {began !== undefined && (
        <div>
          <dt>{ended !== undefined ? 'Took' : 'Running for'}</dt>
          <dd>{formatDuration((ended ?? now) - began)}</dd>
        </div>
      )}
    </dl>
  );
}
