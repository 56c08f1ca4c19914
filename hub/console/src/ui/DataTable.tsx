import type { ReactNode } from 'react';

export interface TableColumn<T> {
  /** The header, also each cell's `data-label` (the card layout on a narrow window shows it). */
  header: string;
  cell: (row: T) => ReactNode;
}

/** A table's columns: at least the first, which heads each row. */
export type TableColumns<T> = readonly [TableColumn<T>, ...TableColumn<T>[]];

export interface RowAction<T> {
  /** The button's text, e.g. "Delete". */
  label: string;
  /** Unset: the caller may not do it, so no button shows. */
  run?: (row: T) => void;
  /** The accessible name, naming the row: "Delete nightly". Default: the label and the row's name. */
  name?: (row: T) => string;
  danger?: boolean;
  /** Whether this row offers it at all (e.g. Resume only on a suspended schedule). */
  offered?: (row: T) => boolean;
  disabled?: (row: T) => boolean;
}

export interface DataTableProps<T extends { id: string; name?: string }> {
  /** Read by screen readers only, e.g. "Credentials". */
  caption: string;
  rows: readonly T[];
  /** The first column heads each row (`<th scope="row">`). */
  columns: TableColumns<T>;
  /** Marks a row for people and tests: `{ 'data-rule': rule.name }`, a warning class. */
  rowProps?: (row: T) => { className?: string } & Record<`data-${string}`, string>;
  actions?: readonly RowAction<T>[];
  /** The screen's own styling of this table. */
  className?: string;
}

/**
 * The console's table: one row per object, its first cell naming it, and at the end the actions the caller may
 * take on it (the Actions column shows only when at least one is allowed). On a narrow window each row becomes a
 * card whose cells are labelled with their column's header (see console.css), so each cell's content sits in one
 * block beside its label.
 */
export function DataTable<T extends { id: string; name?: string }>(props: DataTableProps<T>) {
  const { caption, rows, columns, rowProps, actions = [], className } = props;
  const allowed = actions.filter((a) => a.run);
  const [first, ...rest] = columns;
  return (
    <table className={`table data-table${className ? ` ${className}` : ''}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
          {allowed.length > 0 && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} {...rowProps?.(row)}>
            <th scope="row" data-label={first.header}>
              <div>{first.cell(row)}</div>
            </th>
            {rest.map((c) => (
              <td key={c.header} data-label={c.header}>
                <div>{c.cell(row)}</div>
              </td>
            ))}
            {allowed.length > 0 && (
              <td data-label="Actions">
                <RowActions row={row} actions={allowed} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowActions<T extends { id: string; name?: string }>({ row, actions }: { row: T; actions: readonly RowAction<T>[] }) {
  const offered = actions.filter((a) => a.offered?.(row) ?? true);
  if (offered.length === 0) return <span className="subtle">—</span>;
  return (
    <div className="row-actions">
      {offered.map((a) => (
        <button
          key={a.label}
          type="button"
          className={a.danger ? 'small danger' : 'small'}
          disabled={a.disabled?.(row)}
          onClick={() => a.run?.(row)}
          aria-label={a.name ? a.name(row) : `${a.label} ${row.name ?? ''}`.trim()}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
