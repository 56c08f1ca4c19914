import { type ComponentType, type ReactNode, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import type { RoleName } from '../auth/meQuery.ts';
import { EmptyState } from '../states/EmptyState.tsx';
import { ListView } from '../states/ListView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { confirmWords } from './confirmWords.ts';
import { nameColumn } from './nameColumn.tsx';
import { Page } from './Page.tsx';
import { RequireTenant } from './RequireTenant.tsx';
import type { SettingsList } from './SettingsList.ts';
import { type RowAction, type TableColumn, DataTable } from './DataTable.tsx';
import type { Operation } from '../api/Operation.ts';
import { whoMay } from './whoMay.ts';

/** What a dialog or an action of a settings screen works with. */
export interface SettingsContext<TData> {
  tenantId: string;
  /** The list's last answer; undefined while it loads or failed. */
  data: TData | undefined;
  /** Reads the list again, after a change. */
  reload: () => void;
  close: () => void;
}

/** What a settings form that only creates is given: the list's answer, for the choices it offers. */
export interface SettingsCreatorProps<TData> {
  tenantId: string;
  data: TData;
  onClose: () => void;
  /** After the hub took it: reads the list again. */
  onSaved: () => void;
}

/** What a settings form that creates and edits is given. */
export interface SettingsFormProps<TRow> {
  tenantId: string;
  /** The one to change; none to create one. */
  editing?: TRow;
  onClose: () => void;
  /** After the hub took it: reads the list again. */
  onSaved: () => void;
}

export interface SettingsAction<TRow, TData> extends Omit<RowAction<TRow>, 'run'> {
  /** The least role in the tenant that may do it; the hub decides anyway. */
  role: RoleName;
  /** A dialog the action opens for the row. */
  dialog?: (row: TRow, context: SettingsContext<TData>) => ReactNode;
  /** Or what it does straight away. */
  run?: (row: TRow, context: SettingsContext<TData>) => void;
}

/**
 * The form behind "New <noun>": an `editor` that also changes a row (an Edit action on each), or a `creator` that
 * only creates and is given the list's answer (the credentials a location may use). `verb` is what the form does to
 * a new one, "store" for a secret; "create" unless said.
 */
export type SettingsForm<TRow, TData> = { role: RoleName; verb?: string } & (
  | { editor: ComponentType<SettingsFormProps<TRow>> }
  | { creator: ComponentType<SettingsCreatorProps<TData>> }
);

export interface SettingsPageProps<TData, TRow extends { id: string; name: string }> {
  /** What the screen lists, in the plural: "Backup locations". Its lower case names them in loading, errors and
   * empty states; its last word counts them in "Showing the first 100 of 120 locations". */
  title: string;
  /** One of them, in lower case: "location". Names the create button ("New location"), the delete dialog, the
   * first column and each row's `data-location` attribute (which browser tests find rows by). */
  noun: string;
  description: ReactNode;
  list: SettingsList<TData, TRow>;
  /** Set for lists that change without events the API streams. */
  pollMs?: number;
  /** What the empty list would hold and how to get the first one (who may is said after it). */
  empty: ReactNode;
  form?: SettingsForm<TRow, TData>;
  /** Under each row's name in the first column (what a schedule writes where, named from the answer). */
  about?: (row: TRow, data: TData) => ReactNode;
  /** The columns after the name; a function when cells need more of the answer than the row. */
  columns: readonly TableColumn<TRow>[] | ((data: TData) => readonly TableColumn<TRow>[]);
  /** Rows marked for attention (their last check or run failed). */
  warn?: (row: TRow) => boolean;
  actions?: readonly SettingsAction<TRow, TData>[];
  /** Delete, asked for first; `explain` says what the hub refuses and what stays. */
  remove?: { role: RoleName; operation: Operation<unknown, { id: string }>; explain: ReactNode };
  /** Shown above the table, e.g. why the last row action failed. */
  notice?: ReactNode;
}

type Open<TRow> = { kind: 'create' } | { kind: 'row'; row: TRow; action: string };

/**
 * A tenant's settings list: the frame, the tenant question, loading, empty and error states, the table with the
 * row actions the caller's role allows, and the dialogs they open. Screens differ only in their props.
 */
export function SettingsPage<TData, TRow extends { id: string; name: string }>(props: SettingsPageProps<TData, TRow>) {
  const { title, noun, list, form, notice } = props;
  const what = title.toLowerCase();
  const { tenantId, can } = useTenants();
  const query = useQuery(list.query, { tenantId: tenantId ?? '' }, { skip: !tenantId, pollMs: props.pollMs });
  const [open, setOpen] = useState<Open<TRow> | undefined>();
  const allowed = (role: RoleName) => tenantId !== null && can(role, tenantId);
  const data = query.state.status === 'ready' ? query.state.data : undefined;
  const actions = [
    ...(form && 'editor' in form ? [editAction<TRow, TData>(form.role, form.editor)] : []),
    ...(props.actions ?? []),
    ...(props.remove ? [removeAction<TRow, TData>(noun, props.remove)] : []),
  ];
  const context = (tenant: string): SettingsContext<TData> => ({
    tenantId: tenant,
    data,
    reload: query.reload,
    close: () => setOpen(undefined),
  });
  const createButton =
    form && allowed(form.role) && (data || 'editor' in form) ? (
      <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
        New {noun}
      </button>
    ) : undefined;
  const columnsFor = (d: TData) => {
    const { about, columns } = props;
    const rest = typeof columns === 'function' ? columns(d) : columns;
    const header = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`;
    return [nameColumn<TRow>({ header, name: (row) => row.name, about: about && ((row) => about(row, d)) }), ...rest] as const;
  };
  const dialog = (tenant: string) => {
    if (!open) return null;
    if (open.kind === 'row') return actions.find((a) => a.label === open.action)?.dialog?.(open.row, context(tenant));
    if (!form) return null;
    const { close, reload } = context(tenant);
    if ('editor' in form) return <form.editor tenantId={tenant} onClose={close} onSaved={reload} />;
    return data === undefined ? null : <form.creator tenantId={tenant} data={data} onClose={close} onSaved={reload} />;
  };

  return (
    <Page title={title} description={props.description} actions={createButton}>
      <RequireTenant what={what}>
        {(tenant) => (
          <>
            <ListView
              query={query}
              what={what}
              list={list.rows}
              empty={
                <EmptyState title={`No ${what} yet`} action={createButton}>
                  {props.empty}
                  {form && !allowed(form.role) && (
                    <p>
                      {whoMay[form.role]} {form.verb ?? 'create'} them.
                    </p>
                  )}
                </EmptyState>
              }
            >
              {(d) => (
                <>
                  {notice}
                  <DataTable
                    caption={title}
                    rows={list.rows(d).edges.map((e) => e.node)}
                    columns={columnsFor(d)}
                    rowProps={(row) => ({ [`data-${noun}`]: row.name, ...(props.warn?.(row) ? { className: 'row-warn' } : {}) })}
                    actions={actions.map((a) => ({
                      ...a,
                      run: !allowed(a.role)
                        ? undefined
                        : a.dialog
                          ? (row: TRow) => setOpen({ kind: 'row', row, action: a.label })
                          : (row: TRow) => a.run?.(row, context(tenant)),
                    }))}
                  />
                  {list.rows(d).totalCount > list.pageSize && (
                    <p className="hint">
                      Showing the first {list.pageSize} of {list.rows(d).totalCount} {what.split(' ').at(-1)}, by name.
                    </p>
                  )}
                </>
              )}
            </ListView>
            {dialog(tenant)}
          </>
        )}
      </RequireTenant>
    </Page>
  );
}

function editAction<TRow, TData>(role: RoleName, Editor: ComponentType<SettingsFormProps<TRow>>): SettingsAction<TRow, TData> {
  return {
    label: 'Edit',
    role,
    dialog: (row, { tenantId, reload, close }) => <Editor tenantId={tenantId} editing={row} onClose={close} onSaved={reload} />,
  };
}

function removeAction<TRow extends { id: string; name: string }, TData>(
  noun: string,
  remove: NonNullable<SettingsPageProps<TData, TRow>['remove']>,
): SettingsAction<TRow, TData> {
  return {
    label: 'Delete',
    role: remove.role,
    danger: true,
    dialog: (row, { reload, close }) => (
      <ConfirmDialog
        title={`Delete ${noun} ${row.name}?`}
        {...confirmWords('delete', noun)}
        operation={remove.operation}
        variables={{ id: row.id }}
        onDone={reload}
        onClose={close}
      >
        {remove.explain}
      </ConfirmDialog>
    ),
  };
}
