import type { KindCount } from './BackupListItem.ts';

/** How many objects of each kind the backup holds, by kind, with the total. */
export function KindCountTable({ counts }: { counts: readonly KindCount[] }) {
  const sorted = [...counts].sort((a, b) => a.kind.localeCompare(b.kind));
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
          <tr key={c.kind} data-kind={c.kind}>
            <th scope="row" data-label="Kind">
              <code>{c.kind}</code>
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
