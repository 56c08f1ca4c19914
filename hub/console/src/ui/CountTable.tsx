/** How many objects of one resource type: `configmaps` (kind ConfigMap), 12. */
export interface ResourceTypeCount {
  resource: string;
  kind: string | null;
  count: number;
}

export interface CountTableProps {
  counts: readonly ResourceTypeCount[];
  /** Names the table: "Objects by kind". */
  caption: string;
  /** The screen's heading already says what it holds: the caption is for assistive technology only. */
  hideCaption?: boolean;
  /** The screen's own styling. */
  className: string;
}

/** Counts of objects by resource type, sorted by type, with their total (a backup's contents, a restore's plan). */
export function CountTable({ counts, caption, hideCaption, className }: CountTableProps) {
  const sorted = [...counts].sort((a, b) => a.resource.localeCompare(b.resource));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <table className={`table ${className}`}>
      <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col" className="numeric">
            Objects
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((c) => (
          <tr key={c.resource} data-resource={c.resource}>
            <th scope="row" data-label="Type">
              <div>
                <code>{c.resource}</code>
                {c.kind && <span className="subtle-inline"> {c.kind}</span>}
              </div>
            </th>
            <td data-label="Objects" className="numeric">
              <div>{c.count.toLocaleString('en')}</div>
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
