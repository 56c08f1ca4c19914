import { useEffect, useRef } from 'react';
import type { InventoryNamespace } from './clusterNamespacesQuery.ts';
import { NamespaceRow } from './NamespaceRow.tsx';

export interface NamespaceTableProps {
  namespaces: readonly InventoryNamespace[];
  excluded: ReadonlySet<string>;
  onExcludedChange: (excluded: Set<string>) => void;
}

/** The shown namespaces, each with a tick for the backup; the header's tick sets them all. */
export function NamespaceTable({ namespaces, excluded, onExcludedChange }: NamespaceTableProps) {
  const all = useRef<HTMLInputElement>(null);
  const tickedCount = namespaces.filter((n) => !excluded.has(n.name)).length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = tickedCount > 0 && tickedCount < namespaces.length;
  }, [tickedCount, namespaces.length]);
  const tick = (name: string, ticked: boolean) => {
    const next = new Set(excluded);
    if (ticked) next.delete(name);
    else next.add(name);
    onExcludedChange(next);
  };
  return (
    <table className="table namespace-table">
      <caption className="visually-hidden">Namespaces</caption>
      <thead>
        <tr>
          <th scope="col" className="tick-cell">
            <input
              ref={all}
              type="checkbox"
              checked={tickedCount === namespaces.length}
              onChange={(e) => onExcludedChange(e.target.checked ? new Set() : new Set(namespaces.map((n) => n.name)))}
              aria-label="Include every namespace shown"
            />
          </th>
          <th scope="col">Namespace</th>
          <th scope="col">Workloads</th>
          <th scope="col">Volumes</th>
          <th scope="col">Objects</th>
        </tr>
      </thead>
      <tbody>
        {namespaces.map((ns) => (
          <NamespaceRow key={ns.name} namespace={ns} ticked={!excluded.has(ns.name)} onTick={(t) => tick(ns.name, t)} />
        ))}
      </tbody>
    </table>
  );
}
