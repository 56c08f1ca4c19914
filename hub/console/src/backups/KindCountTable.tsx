import type { ResourceCount } from './BackupListItem.ts';

/** How many objects of each type the backup holds, by resource type (with its kind), with the total. */
export function KindCountTable({ counts }: { counts: readonly ResourceCount[] }) {
  const sorted = [...counts].sort((a, b) => a.resource.localeCompare(b.resource));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <table className="table kind-table" aria-label="Objects by kind">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col" className="numeric">
            Objects
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((c) => (
          <tr key={c.resource} data-resource={c.resource}>
            <th scope="row" data-label="Kind">
              <code>{c.resource}</code>
              {c.kind && <span className="subtle-inline"> {c.kind}</span>}
            </th>
            <td data-label="Objects" className="numeric">
              {c.count.toLocaleString('en')}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="numeric">{total.toLocaleString('en')}</td>
        </tr>
      </tfoot>
    </table>
  );
}
