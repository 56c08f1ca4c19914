import { useId } from 'react';
import type { ReactNode } from 'react';
import { EmptyState } from '../states/EmptyState.tsx';
import type { Connection } from '../ui/SettingsList.ts';
import { DataTable, type DataTableProps } from '../ui/DataTable.tsx';

export interface AccessSectionProps<T extends { id: string; name?: string }>
  extends Pick<DataTableProps<T>, 'columns' | 'rowProps' | 'actions'> {
  /** "API tokens": the heading, the table's caption, and in a sentence the empty state's "No API tokens yet". */
  title: string;
  intro: string;
  /** What the list holds, from the Access query. */
  list: Connection<T>;
  /** The create button's label ("New API token") and what it opens. */
  create?: { label: string; onClick: () => void };
  /** What the empty list means, or how to fill it. */
  children: ReactNode;
}

/** One list of the Access screen: a heading with its create button, the table or why it is empty, and its limit. */
export function AccessSection<T extends { id: string; name?: string }>(props: AccessSectionProps<T>) {
  const { title, intro, list, create, children } = props;
  const id = useId();
  const rows = list.edges.map((e) => e.node);
  const noun = title.split(' ').at(-1)?.toLowerCase();
  // In a sentence: "role bindings", but "API tokens" keeps its acronym.
  const what = /^[A-Z]{2}/.test(title) ? title : `${title.charAt(0).toLowerCase()}${title.slice(1)}`;
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section-header">
        <div>
          <h2 id={id}>{title}</h2>
          <p>{intro}</p>
        </div>
        {create && (
          <button type="button" className="primary" onClick={create.onClick}>
            {create.label}
          </button>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState title={`No ${what} yet`}>{children}</EmptyState>
      ) : (
        <DataTable caption={title} rows={rows} columns={props.columns} rowProps={props.rowProps} actions={props.actions} />
      )}
      {list.totalCount > rows.length && (
        <p className="hint">
          Showing the first {rows.length} of {list.totalCount} {noun}.
        </p>
      )}
    </section>
  );
}
