import { type FormEvent, type ReactNode, useId } from 'react';
import type { ApiError } from '../api/ApiError.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { clusterScopedPolicies, existingResourcePolicies } from './CreateRestoreInput.ts';
import { describeClusterScoped } from './describeClusterScoped.ts';
import { DescribedChoices } from './DescribedChoices.tsx';
import { describePolicy } from './describePolicy.ts';
import { FieldProblem, problemsOf } from './FieldProblem.tsx';
import type { FormProblem } from './FormProblem.ts';
import { MappingEditor } from './MappingEditor.tsx';
import type { RestoreChoices } from './RestoreChoices.ts';
import type { WizardBackup, WizardCluster } from './restoreWizardQuery.ts';

export interface RestoreChoicesFormProps {
  backup: WizardBackup;
  /** The clusters of the backup's tenant: the possible targets. */
  clusters: readonly WizardCluster[];
  choices: RestoreChoices;
  onChange: (choices: RestoreChoices) => void;
  problems: readonly FormProblem[];
  /** False for callers whose role does not allow restoring: the form is shown, disabled. */
  allowed: boolean;
  busy: boolean;
  error: ApiError | undefined;
  onSubmit: () => void;
}

/** The wizard's choices: target cluster, namespaces and their new names, what to include, existing objects. */
export function RestoreChoicesForm(props: RestoreChoicesFormProps) {
  const { backup, clusters, choices, onChange, problems, allowed, busy, error, onSubmit } = props;
  const id = useId();
  const set = <K extends keyof RestoreChoices>(key: K, value: RestoreChoices[K]) => onChange({ ...choices, [key]: value });
  const kinds = backup.result?.countsByKind ?? [];
  const target = clusters.find((c) => c.id === choices.targetClusterId);
  const literalNamespaces = backup.spec.includeNamespaces.filter((ns) => !ns.includes('*'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const text = (field: 'includeNamespaces' | 'excludeNamespaces' | 'includeResources' | 'excludeResources', label: string, hint: ReactNode) => {
    const fieldProblems = problemsOf(problems, field);
    return (
      <div className="field">
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          value={choices[field]}
          onChange={(event) => set(field, event.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={fieldProblems.length > 0 || undefined}
          aria-describedby={`${id}-${field}-hint ${id}-${field}-problem`}
        />
        <p className="hint" id={`${id}-${field}-hint`}>
          {hint}
        </p>
        <FieldProblem id={`${id}-${field}-problem`} problems={fieldProblems} />
      </div>
    );
  };

  return (
    <form className="form restore-form" onSubmit={submit} noValidate>
      <fieldset disabled={!allowed} className="restore-fieldset">
        <fieldset className="restore-section">
          <legend>Where to</legend>
          <div className="field">
            <label htmlFor={`${id}-target`}>Target cluster</label>
            <select
              id={`${id}-target`}
              value={choices.targetClusterId}
              onChange={(event) => set('targetClusterId', event.target.value)}
              aria-invalid={problemsOf(problems, 'targetClusterId').length > 0 || undefined}
              aria-describedby={`${id}-target-hint ${id}-target-problem`}
            >
              <option value="">Choose a cluster…</option>
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.id === backup.clusterId ? ' (the backup’s own)' : ''}
                  {c.status === 'Connected' ? '' : c.status === 'Disconnected' ? ' — disconnected' : ' — no agent yet'}
                </option>
              ))}
            </select>
            <p className="hint" id={`${id}-target-hint`}>
              {target && target.status !== 'Connected'
                ? `⚠ The agent of ${target.name} is not connected: the dry run and the restore wait until it is.`
                : 'Any cluster of the backup’s tenant. Its agent reads the backup from the location and applies it.'}
            </p>
            <FieldProblem id={`${id}-target-problem`} problems={problemsOf(problems, 'targetClusterId')} />
          </div>
        </fieldset>

        <fieldset className="restore-section">
          <legend>Namespaces</legend>
          <p className="hint">
            The backup holds{' '}
            {backup.spec.includeNamespaces.length ? <strong>{backup.spec.includeNamespaces.join(', ')}</strong> : 'all namespaces of its cluster'}
            {backup.spec.excludeNamespaces.length > 0 && <> except {backup.spec.excludeNamespaces.join(', ')}</>}.
            Give a namespace a new name to restore it beside the original; leave the new name blank to keep it.
          </p>
          <MappingEditor
            field="namespaceMapping"
            noun="namespace"
            rows={choices.namespaceMapping}
            onChange={(rows) => set('namespaceMapping', rows)}
            problems={problems}
            sourceSuggestions={literalNamespaces}
            targetPlaceholder="same name"
          />
          <details className="more" open={Boolean(choices.includeNamespaces || choices.excludeNamespaces) || undefined}>
            <summary>Restore only some namespaces</summary>
            {text('includeNamespaces', 'Only these namespaces', 'Names or patterns like shop-*, separated by commas or spaces. Blank: all of the backup’s.')}
            {text('excludeNamespaces', 'Leave out these namespaces', 'Names or patterns; they win over the ones above.')}
          </details>
        </fieldset>

        <fieldset className="restore-section" aria-describedby={`${id}-kinds-problem`}>
          <legend>What to include</legend>
          {kinds.length > 0 ? (
            <>
              <p className="hint">Clear a kind to leave its objects out.</p>
              <ul className="kind-list">
                {kinds.map(({ resource: kind, count }) => (
                  <li key={kind}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!choices.excludedKinds.includes(kind)}
                        onChange={(event) =>
                          set(
                            'excludedKinds',
                            event.target.checked
                              ? choices.excludedKinds.filter((k) => k !== kind)
                              : [...choices.excludedKinds, kind],
                          )
                        }
                      />{' '}
                      <code>{kind}</code> <span className="subtle-inline">({count})</span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="hint">The backup did not count its objects by kind; filter by resource type below.</p>
          )}
          <FieldProblem id={`${id}-kinds-problem`} problems={problemsOf(problems, 'kinds')} />
          <div className="field">
            <label htmlFor={`${id}-selectors`}>Only objects with these labels</label>
            <textarea
              id={`${id}-selectors`}
              rows={2}
              value={choices.labelSelectors}
              onChange={(event) => set('labelSelectors', event.target.value)}
              spellCheck={false}
              aria-describedby={`${id}-selectors-hint`}
            />
            <p className="hint" id={`${id}-selectors-hint`}>
              Label selectors, one per line (<code>app=shop</code>, <code>tier in (web, api)</code>); an object
              matching any line is restored. Blank: every object.
            </p>
          </div>
          <details className="more" open={Boolean(choices.includeResources || choices.excludeResources) || kinds.length === 0 || undefined}>
            <summary>Filter by resource type</summary>
            {text('includeResources', 'Only these resource types', 'Like configmaps or deployments.apps, separated by commas or spaces. Blank: all.')}
            {text('excludeResources', 'Leave out these resource types', 'They win over the ones above.')}
          </details>
        </fieldset>

        <DescribedChoices
          legend="When an object already exists in the target"
          name={`${id}-policy`}
          values={existingResourcePolicies}
          describe={describePolicy}
          value={choices.existingResourcePolicy}
          onChange={(policy) => set('existingResourcePolicy', policy)}
        />
        <DescribedChoices
          legend="Cluster-scoped objects in the backup"
          name={`${id}-cluster-scoped`}
          values={clusterScopedPolicies}
          describe={describeClusterScoped}
          value={choices.clusterScoped}
          onChange={(policy) => set('clusterScoped', policy)}
        />

        <details className="more restore-section" open={choices.storageClassMapping.some((r) => r.from || r.to) || undefined}>
          <summary>Storage classes (for PVCs and PVs)</summary>
          <p className="hint">
            Rename storage classes the target does not have.
            {target?.facts && ` ${target.name} has: ${target.facts.storageClasses.map((s) => s.name + (s.isDefault ? ' (default)' : '')).join(', ') || 'none'}.`}
          </p>
          <MappingEditor
            field="storageClassMapping"
            noun="storage class"
            rows={choices.storageClassMapping}
            onChange={(rows) => set('storageClassMapping', rows)}
            problems={problems}
            targetSuggestions={target?.facts?.storageClasses.map((s) => s.name) ?? []}
            targetPlaceholder="same class"
          />
        </details>
      </fieldset>

      {problems.length > 0 && (
        <div className="state state-error compact" role="alert" tabIndex={-1} id={`${id}-problems`}>
          <p className="state-title">
            <strong>Correct these first:</strong>
          </p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {error && <ErrorState error={error} title="The hub did not start the dry run" compact />}
      <div className="form-actions">
        <p className="hint form-actions-hint">
          The dry run reads and verifies the backup on the target’s agent and counts what would be restored. It
          changes nothing.
        </p>
        <button type="submit" className="primary" disabled={!allowed || busy} aria-describedby={allowed ? undefined : 'restore-not-allowed'}>
          {busy ? 'Starting the dry run…' : 'Preview the restore (dry run)'}
        </button>
      </div>
    </form>
  );
}
