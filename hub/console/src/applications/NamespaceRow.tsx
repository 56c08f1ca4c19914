import type { ReactNode } from 'react';
import type { InventoryNamespace } from './clusterNamespacesQuery.ts';

/** Kubernetes sets it on every namespace to the namespace's own name: it tells nothing here. */
const automaticLabel = 'kubernetes.io/metadata.name';

function Labels({ labels }: { labels: { key: string; value: string }[] }) {
  const shown = labels.filter((l) => l.key !== automaticLabel);
  if (shown.length === 0) return null;
  return (
    <span className="labels">
      {shown.map((l) => (
        <span key={l.key} className="label">
          {l.key}={l.value}
        </span>
      ))}
    </span>
  );
}

/** Shows the first few of a long list and the rest behind a disclosure. */
function Folded<T>({ items, render, what }: { items: readonly T[]; render: (item: T) => ReactNode; what: string }) {
  const first = items.slice(0, 5);
  const rest = items.slice(5);
  return (
    <>
      <ul className="plain-list">{first.map(render)}</ul>
      {rest.length > 0 && (
        <details>
          <summary>
            {rest.length} more {what}
          </summary>
          <ul className="plain-list">{rest.map(render)}</ul>
        </details>
      )}
    </>
  );
}

export interface NamespaceRowProps {
  namespace: InventoryNamespace;
  ticked: boolean;
  onTick: (ticked: boolean) => void;
}

/** One namespace: whether it goes into the backup, its labels, workloads, volumes and object counts. */
export function NamespaceRow({ namespace: ns, ticked, onTick }: NamespaceRowProps) {
  const objects = ns.countsByKind.reduce((sum, c) => sum + c.count, 0);
  const kinds = [...ns.countsByKind].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return (
    <tr data-namespace={ns.name} className={ticked ? undefined : 'row-unticked'}>
      <td data-label="Back up" className="tick-cell">
        <div>
          <input type="checkbox" checked={ticked} onChange={(e) => onTick(e.target.checked)} aria-label={`Include ${ns.name}`} />
        </div>
      </td>
      <th scope="row" data-label="Namespace">
        <div>
          <span className="namespace-name">{ns.name}</span>
          <Labels labels={ns.labels} />
        </div>
      </th>
      <td data-label="Workloads">
        <div>
          {ns.workloads.length === 0 ? (
            <span className="subtle">none</span>
          ) : (
            <Folded
              items={ns.workloads}
              what="workloads"
              render={(w) => (
                <li key={`${w.kind}/${w.name}`}>
                  <span className="subtle inline">{w.kind}</span> {w.name}
                  {w.replicas !== null && (
                    <span className={`replicas${(w.readyReplicas ?? 0) < w.replicas ? ' replicas-short' : ''}`}>
                      {' '}
                      {w.readyReplicas ?? 0}/{w.replicas} ready
                    </span>
                  )}
                </li>
              )}
            />
          )}
        </div>
      </td>
      <td data-label="Volumes">
        <div>
          {ns.persistentVolumeClaims.length === 0 ? (
            <span className="subtle">none</span>
          ) : (
            <Folded
              items={ns.persistentVolumeClaims}
              what="volumes"
              render={(c) => (
                <li key={c.name}>
                  {c.name} <span className="subtle inline">{[c.requestedStorage, c.storageClassName, c.phase].filter(Boolean).join(' · ')}</span>
                </li>
              )}
            />
          )}
        </div>
      </td>
      <td data-label="Objects">
        <div>
          <strong>{objects.toLocaleString('en')}</strong>
          {kinds.length > 0 && (
            <span className="subtle">
              {kinds
                .slice(0, 4)
                .map((c) => `${c.count} ${c.kind}`)
                .join(', ')}
              {kinds.length > 4 ? ', …' : ''}
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}
