import { type FormEvent, useId, useState } from 'react';
import { navigate } from '../router/navigate.ts';
import type { ClusterName } from './clusterNamesQuery.ts';
import { type BackupListParams, backupListPath, type CreatedWithin, type PhaseChoice } from './backupListParams.ts';
import { backupPhases } from './BackupListItem.ts';
import { phaseLabel } from './phaseLabel.ts';

export interface BackupFiltersProps {
  params: BackupListParams;
  clusters: readonly ClusterName[];
  /** Names each cluster's tenant when the list spans several. */
  tenantName?: (tenantId: string) => string;
  /** Why the filters as given cannot be used (labels that do not parse). */
  error?: string;
}

const createdChoices: [CreatedWithin, string][] = [
  ['', 'Any time'],
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
];

/**
 * The list's filters: cluster, phase, labels, creation time and name. Applying them changes the address, so
 * a filtered view can be bookmarked, shared, and left with Back.
 */
export function BackupFilters({ params, clusters, tenantName, error }: BackupFiltersProps) {
  const ids = { cluster: useId(), phase: useId(), labels: useId(), labelsHint: useId(), created: useId(), name: useId(), error: useId() };
  const [draft, setDraft] = useState(params);
  const set = <K extends keyof BackupListParams>(key: K, value: BackupListParams[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(backupListPath({ ...draft, after: '', started: '' }));
  };
  const filtered = Boolean(params.clusterId || params.phase || params.labels || params.createdWithin || params.name);
  return (
    <form className="filters" aria-label="Filter backups" onSubmit={apply}>
      <div className="field">
        <label htmlFor={ids.cluster}>Cluster</label>
        <select id={ids.cluster} value={draft.clusterId} onChange={(e) => set('clusterId', e.target.value)}>
          <option value="">All clusters</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {tenantName ? `${c.name} (${tenantName(c.tenantId)})` : c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.phase}>Phase</label>
        <select id={ids.phase} value={draft.phase} onChange={(e) => set('phase', e.target.value as PhaseChoice)}>
          <option value="">Any phase</option>
          <option value="inProgress">In progress (pending, running, deleting)</option>
          <option value="problems">With problems (partially failed, failed)</option>
          {backupPhases.map((p) => (
            <option key={p} value={p}>
              {phaseLabel(p)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.labels}>Labels</label>
        <input
          id={ids.labels}
          value={draft.labels}
          onChange={(e) => set('labels', e.target.value)}
          placeholder="app=shop, tier=db"
          aria-describedby={error ? `${ids.labelsHint} ${ids.error}` : ids.labelsHint}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <span className="visually-hidden" id={ids.labelsHint}>
          key=value pairs separated by commas; every one must match
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.created}>Created</label>
        <select id={ids.created} value={draft.createdWithin} onChange={(e) => set('createdWithin', e.target.value as CreatedWithin)}>
          {createdChoices.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.name}>Name contains</label>
        <input id={ids.name} value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <div className="filters-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        {filtered && (
          <button
            type="button"
            onClick={() => {
              setDraft({ ...params, clusterId: '', phase: '', labels: '', createdWithin: '', name: '' });
              navigate('/backups');
            }}
          >
            Clear
          </button>
        )}
      </div>
      {error && (
        <p className="notice notice-error filters-error" id={ids.error} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
