import { type FormEvent, useId, useState } from 'react';
import { navigate } from '../router/navigate.ts';
import { applicationPath, isFiltered, type NamespaceFilterParams } from './namespaceFilterParams.ts';

/** The application view's filters; applying them changes the address (bookmarkable, Back undoes). */
export function NamespaceFilterForm({ clusterId, params }: { clusterId: string; params: NamespaceFilterParams }) {
  const ids = { ns: useId(), nsHint: useId(), nsSelector: useId(), nsSelectorHint: useId(), selector: useId(), selectorHint: useId() };
  const [draft, setDraft] = useState(params);
  const set = (key: keyof NamespaceFilterParams, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(applicationPath(clusterId, draft));
  };
  return (
    <form className="filters" aria-label="Filter namespaces" onSubmit={apply}>
      <div className="field">
        <label htmlFor={ids.ns}>Namespaces</label>
        <input
          id={ids.ns}
          value={draft.namespaces}
          onChange={(e) => set('namespaces', e.target.value)}
          placeholder="shop-*, db"
          aria-describedby={ids.nsHint}
          autoComplete="off"
          spellCheck={false}
        />
        <span className="hint" id={ids.nsHint}>
          Names or <code>*</code> patterns
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.nsSelector}>Namespace labels</label>
        <input
          id={ids.nsSelector}
          value={draft.namespaceSelector}
          onChange={(e) => set('namespaceSelector', e.target.value)}
          placeholder="team=web"
          aria-describedby={ids.nsSelectorHint}
          autoComplete="off"
          spellCheck={false}
        />
        <span className="hint" id={ids.nsSelectorHint}>
          A label selector on the namespaces
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.selector}>Workload labels</label>
        <input
          id={ids.selector}
          value={draft.labelSelector}
          onChange={(e) => set('labelSelector', e.target.value)}
          placeholder="app=shop, tier in (web)"
          aria-describedby={ids.selectorHint}
          autoComplete="off"
          spellCheck={false}
        />
        <span className="hint" id={ids.selectorHint}>
          A label selector on workloads and volumes
        </span>
      </div>
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
