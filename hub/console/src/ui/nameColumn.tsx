import type { ReactNode } from 'react';
import type { TableColumn } from './DataTable.tsx';

export interface NameColumnOptions<TRow> {
  header: string;
  /** What the row is called, in the row's heading cell. */
  name: (row: TRow) => ReactNode;
  /** Under the name, in smaller print: a token's first characters, what a schedule writes where. */
  about?: (row: TRow) => ReactNode;
}

/** The first column of a settings table: what names the row, and what tells it apart under that. */
export function nameColumn<TRow>({ header, name, about }: NameColumnOptions<TRow>): TableColumn<TRow> {
  const title = (row: TRow) => <span className="row-name">{name(row)}</span>;
  return {
    header,
    cell: about
      ? (row) => (
          <div className="cell-stack">
            {title(row)}
            {about(row)}
          </div>
        )
      : title,
  };
}
