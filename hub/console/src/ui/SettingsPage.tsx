import { type ComponentType, type ReactNode, useState } from 'react';
import type { Operation } from '../api/Operation.ts';
import { useQuery } from '../api/useQuery.ts';
import type { RoleName } from '../auth/meQuery.ts';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { Page } from './Page.tsx';
import { RequireTenant } from './RequireTenant.tsx';
import { type RowAction, type SettingsColumn, SettingsTable } from './SettingsTable.tsx';

/** What a dialog or an action of a settings screen works with. */
export interface SettingsContext<TData> {
  tenantId: string;
  /** The list's last answer; undefined while it loads or failed. */
  data: TData | undefined;
  /** Reads the list again, after a change. */
  reload: () => void;
  close: () => void;
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

export interface SettingsPageProps<TData, TRow extends { id: string; name: string }> {
  /** What the screen lists, in the plural: "Backup locations". Its lower case names them in loading, errors and
   * empty states; its last word counts them in "Showing the first 100 of 120 locations". */
  title: string;
  description: ReactNode;
  /** The list's query: every settings list belongs to one tenant. */
  query: Operation<TData, { tenantId: string }>;
  /** Set for lists that change without events the API streams. */
  pollMs?: number;
  list: (data: TData) => { totalCount: number; edges: readonly { node: TRow }[] };
  /** How many the query asks for. */
  pageSize: number;
  /** What the empty list would hold and how to get the first one; `others`: who may, to those who may not. */
  empty: { text: ReactNode; others: ReactNode };
  /**
   * The form behind "New rule" (`label`): an `editor` that also changes a row (an Edit action on each), or a
   * `creator` that only creates; `needsData` when it needs the list's answer (the credentials a location may use).
   */
  form?: { label: string; role: RoleName; needsData?: boolean } & (
    | { editor: ComponentType<SettingsFormProps<TRow>> }
    | { creator: (context: SettingsContext<TData>) => ReactNode }
  );
  /** A function when cells need more of the answer than the row (e.g. names of the clusters rows point at). */
  columns: Columns<TRow> | ((data: TData) => Columns<TRow>);
  rowProps?: (row: TRow) => { className?: string } & Record<`data-${string}`, string>;
  actions?: readonly SettingsAction<TRow, TData>[];
  /** Delete, asked for first: "Delete <noun> <name>?"; `explain` says what the hub refuses and what stays. */
  remove?: { noun: string; role: RoleName; operation: Operation<unknown, { id: string }>; explain: ReactNode };
  /** Shown above the table, e.g. why the last row action failed. */
  notice?: ReactNode;
}

type Columns<TRow> = readonly [SettingsColumn<TRow>, ...SettingsColumn<TRow>[]];

type Open<TRow> = { kind: 'create' } | { kind: 'row'; row: TRow; action: string };

/**
 * A tenant's settings list: the frame, the tenant question, loading, empty and error states, the table with the
 * row actions the caller's role allows, and the dialogs they open. Screens differ only in their props.
 */
export function SettingsPage<TData, TRow extends { id: string; name: string }>(props: SettingsPageProps<TData, TRow>) {
  const { title, description, list, pageSize, empty, form, columns, rowProps, remove, notice } = props;
  const what = title.toLowerCase();
  const noun = what.split(' ').at(-1);
  const { tenantId, can } = useTenants();
  const query = useQuery(props.query, { tenantId: tenantId ?? '' }, { skip: !tenantId, pollMs: props.pollMs });
  const [open, setOpen] = useState<Open<TRow> | undefined>();
  const allowed = (role: RoleName) => tenantId !== null && can(role, tenantId);
  const data = query.state.status === 'ready' ? query.state.data : undefined;
  const actions = [
    ...(form && 'editor' in form ? [editAction<TRow, TData>(form.role, form.editor)] : []),
    ...(props.actions ?? []),
    ...(remove ? [removeAction(remove)] : []),
  ];
  const context = (tenant: string): SettingsContext<TData> => ({
    tenantId: tenant,
    data,
    reload: query.reload,
    close: () => setOpen(undefined),
  });
  const createButton =
    form && allowed(form.role) && (data || !form.needsData) ? (
      <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
        {form.label}
      </button>
    ) : undefined;
  const dialog = (tenant: string) => {
    if (!open) return null;
    if (open.kind === 'row') return actions.find((a) => a.label === open.action)?.dialog?.(open.row, context(tenant));
    if (!form) return null;
    const { close, reload } = context(tenant);
    return 'editor' in form ? <form.editor tenantId={tenant} onClose={close} onSaved={reload} /> : form.creator(context(tenant));
  };

  return (
    <Page title={title} description={description} actions={createButton}>
      <RequireTenant what={what}>
        {(tenant) => (
          <>
            <QueryView
              query={query}
              loading={`Loading ${what}`}
              failed={`Could not load the ${what}`}
              isEmpty={(d) => list(d).edges.length === 0}
              empty={
                <EmptyState title={`No ${what} yet`} action={createButton}>
                  {empty.text}
                  {!(form && allowed(form.role)) && <p>{empty.others}</p>}
                </EmptyState>
              }
            >
              {(d) => (
                <>
                  {notice}
                  <SettingsTable
                    caption={title}
                    rows={list(d).edges.map((e) => e.node)}
                    columns={typeof columns === 'function' ? columns(d) : columns}
                    rowProps={rowProps}
                    actions={actions.map((a) => ({
                      ...a,
                      run: !allowed(a.role)
                        ? undefined
                        : a.dialog
                          ? (row: TRow) => setOpen({ kind: 'row', row, action: a.label })
                          : (row: TRow) => a.run?.(row, context(tenant)),
                    }))}
                  />
                  {list(d).totalCount > pageSize && (
                    <p className="hint">
                      Showing the first {pageSize} of {list(d).totalCount} {noun}, by name.
                    </p>
                  )}
                </>
              )}
            </QueryView>
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
  remove: NonNullable<SettingsPageProps<TData, TRow>['remove']>,
): SettingsAction<TRow, TData> {
  return {
    label: 'Delete',
    role: remove.role,
    danger: true,
    dialog: (row, { reload, close }) => (
      <ConfirmDialog
        title={`Delete ${remove.noun} ${row.name}?`}
        confirm={`Delete ${remove.noun}`}
        failed={`The hub did not delete the ${remove.noun}`}
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
