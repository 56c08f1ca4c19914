import { useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { navigate } from '../router/navigate.ts';
import { useTenants } from '../tenants/TenantProvider.tsx';
import { BackupCard } from './BackupCard.tsx';
import type { CreateRestoreInput } from './CreateRestoreInput.ts';
import { createRestoreMutation } from './createRestoreMutation.ts';
import { DryRunPlan } from './DryRunPlan.tsx';
import type { FormProblem } from './FormProblem.ts';
import type { RestoreChoices } from './RestoreChoices.ts';
import { RestoreChoicesForm } from './RestoreChoicesForm.tsx';
import { restoreInputOf } from './restoreInputOf.ts';
import { restorePath } from './restorePaths.ts';
import type { WizardBackup, WizardCluster } from './restoreWizardQuery.ts';
import { WizardSteps } from './WizardSteps.tsx';

/** The choices being made, or the plan of a dry run made with them (and the input the restore will use). */
type Step = { step: 'choose'; problems: FormProblem[] } | { step: 'plan'; dryRunId: string; input: CreateRestoreInput };

export interface WizardFlowProps {
  backup: WizardBackup;
  clusters: readonly WizardCluster[];
  initial: RestoreChoices;
  startedFromEarlier: boolean;
}

/**
 * The wizard's steps for one backup: the choices, then a dry run with them whose plan is shown, then the
 * restore with exactly the dry run's input, whose page follows it live.
 */
export function WizardFlow({ backup, clusters, initial, startedFromEarlier }: WizardFlowProps) {
  const { can, tenants } = useTenants();
  const [choices, setChoices] = useState(initial);
  const [step, setStep] = useState<Step>({ step: 'choose', problems: [] });
  const dryRun = useMutation(createRestoreMutation);
  const run = useMutation(createRestoreMutation);
  const allowed = can('operator', backup.tenantId);
  const restorable = backup.phase === 'Completed' || backup.phase === 'PartiallyFailed';
  const kinds = backup.result?.countsByKind.map((c) => c.resource) ?? [];
  const clusterMap = new Map(clusters.map((c) => [c.id, c]));
  const tenant = tenants.find((t) => t.id === backup.tenantId);

  const preview = async () => {
    const checked = restoreInputOf(backup.id, choices, kinds, true);
    if (!checked.ok) {
      setStep({ step: 'choose', problems: checked.problems });
      // The summary of problems is rendered by now's update; move there so it is read out.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.restore-form [role="alert"]')?.focus());
      return;
    }
    setStep({ step: 'choose', problems: [] });
    const data = await dryRun.run({ input: checked.input });
    if (data) setStep({ step: 'plan', dryRunId: data.createRestore.id, input: { ...checked.input, dryRun: false } });
  };
  const runRestore = async (input: CreateRestoreInput) => {
    const data = await run.run({ input });
    if (data) navigate(restorePath(data.createRestore.id));
  };

  return (
    <>
      <WizardSteps current={step.step === 'choose' ? 2 : 3} />
      <BackupCard backup={backup} sourceName={clusterMap.get(backup.clusterId)?.name} />
      {!restorable ? (
        <p className="callout callout-warn" role="alert">
          ⚠ This backup is {backup.phase}: only Completed or Partially failed backups can be restored.
        </p>
      ) : step.step === 'choose' ? (
        <>
          {!allowed && (
            <p className="callout callout-warn" id="restore-not-allowed">
              You can look at these choices but not restore: restoring needs the operator or admin role in tenant{' '}
              <strong>{tenant?.displayName || tenant?.name || backup.tenantId}</strong>. Ask a tenant admin for a
              role binding.
            </p>
          )}
          {startedFromEarlier && <p className="hint">The choices are those of the earlier restore; check them, then preview.</p>}
          <RestoreChoicesForm
            backup={backup}
            clusters={clusters}
            choices={choices}
            onChange={setChoices}
            problems={step.problems}
            allowed={allowed}
            busy={dryRun.state.status === 'running'}
            error={dryRun.state.status === 'error' ? dryRun.state.error : undefined}
            onSubmit={preview}
          />
        </>
      ) : (
        <DryRunPlan
          key={step.dryRunId}
          dryRunId={step.dryRunId}
          backupName={backup.name}
          clusters={clusterMap}
          onChange={() => {
            run.reset();
            dryRun.reset();
            setStep({ step: 'choose', problems: [] });
          }}
          onRun={() => runRestore(step.input)}
          running={run.state.status === 'running'}
          runError={run.state.status === 'error' ? run.state.error : undefined}
        />
      )}
    </>
  );
}
