import type { FormEvent } from 'react';
import { navigate } from '../router/navigate.ts';
import { TextField } from '../ui/TextField.tsx';
import { useForm } from '../ui/useForm.ts';
import { applicationPath, isFiltered, type NamespaceFilterParams } from './namespaceFilterParams.ts';

/** The application view's filters; applying them changes the address (bookmarkable, Back undoes). */
export function NamespaceFilterForm({ clusterId, params }: { clusterId: string; params: NamespaceFilterParams }) {
  const { form: draft, text } = useForm<NamespaceFilterParams>(params);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(applicationPath(clusterId, draft));
  };
  return (
    <form className="filters" aria-label="Filter namespaces" onSubmit={apply}>
      <TextField label="Namespaces" hint={<>Names or <code>*</code> patterns</>} placeholder="shop-*, db" {...text('namespaces')} />
      <TextField label="Namespace labels" hint="A label selector on the namespaces" placeholder="team=web" {...text('namespaceSelector')} />
      <TextField
        label="Workload labels"
        hint="A label selector on workloads and volumes"
        placeholder="app=shop, tier in (web)"
        {...text('labelSelector')}
      />
      <div className="filters-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        {isFiltered(params) && (
          <button type="button" onClick={() => navigate(applicationPath(clusterId, { namespaces: '', namespaceSelector: '', labelSelector: '' }))}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
