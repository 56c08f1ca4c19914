import type { ResourceCount } from '../backups/BackupListItem.ts';

/** Counts by resource type: what a dry run would restore, or what a restore created and updated. */
export function PlanTable({ counts, caption }: { counts: readonly ResourceCount[]; caption: string }) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <table className="table plan-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col" className="numeric">
            Objects
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.resource} data-resource={c.resource}>
            <th scope="row" data-label="Type">
              <div>
                <code>{c.resource}</code>
                {c.kind && <span className="subtle-inline"> {c.kind}</span>}
              </div>
            </th>
            <td data-label="Objects" className="numeric">
              <div>{c.count}</div>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="numeric" data-testid="plan-total">
            {total}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
