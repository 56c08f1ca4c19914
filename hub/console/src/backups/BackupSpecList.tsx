import { formatDuration } from '../ui/formatDuration.ts';
import type { BackupSpecView } from './BackupDetail.ts';

function List({ items, none }: { items: readonly string[]; none: string }) {
  if (items.length === 0) return <span className="subtle">{none}</span>;
  return (
    <span className="chips">
      {items.map((item) => (
        <code key={item}>{item}</code>
      ))}
    </span>
  );
}

const clusterScopedMeaning: Record<BackupSpecView['clusterScoped'], string> = {
  auto: 'only what the selected objects need (their PVs, CRDs)',
  all: 'all cluster-scoped resources',
  none: 'none',
};

/** What the backup was asked to take, as its spec says. */
export function BackupSpecList({ spec }: { spec: BackupSpecView }) {
  return (
    <dl className="facts">
      <dt>Namespaces</dt>
      <dd>
        <List items={spec.includeNamespaces} none="all" />
      </dd>
      {spec.excludeNamespaces.length > 0 && (
        <>
          <dt>Except namespaces</dt>
          <dd>
            <List items={spec.excludeNamespaces} none="" />
          </dd>
        </>
      )}
      <dt>Label selectors</dt>
      <dd>
        <List items={spec.labelSelectors} none="none: every object" />
      </dd>
      <dt>Resources</dt>
      <dd>
        <List items={spec.includeResources} none="all kinds" />
      </dd>
      {spec.excludeResources.length > 0 && (
        <>
          <dt>Except resources</dt>
          <dd>
            <List items={spec.excludeResources} none="" />
          </dd>
        </>
      )}
      <dt>Cluster-scoped</dt>
      <dd>
        <code>{spec.clusterScoped}</code> <span className="subtle inline">{clusterScopedMeaning[spec.clusterScoped]}</span>
      </dd>
      <dt>Volume data</dt>
      <dd>{spec.volumes ? 'yes' : 'no, only the PV and PVC objects'}</dd>
      {(spec.preRuleId || spec.postRuleId) && (
        <>
          <dt>Rules</dt>
          <dd>
            {spec.preRuleId && (
              <span>
                before: <code>{spec.preRuleId}</code>{' '}
              </span>
            )}
            {spec.postRuleId && (
              <span>
                after: <code>{spec.postRuleId}</code>
              </span>
            )}
          </dd>
        </>
      )}
      <dt>Kept for</dt>
      <dd>{formatDuration(spec.ttlSeconds * 1000)}</dd>
    </dl>
  );
}
