import { useQuery } from '../api/useQuery.ts';
import { QueryView } from '../states/QueryView.tsx';
import { choicesFromSpec } from './choicesFromSpec.ts';
import { initialRestoreChoices } from './RestoreChoices.ts';
import { restoreSpecQuery } from './restoreSpecQuery.ts';
import { restoreWizardQuery } from './restoreWizardQuery.ts';
import { WizardFlow } from './WizardFlow.tsx';

/**
 * Loads the backup to restore and its tenant's clusters (and an earlier restore's choices, when starting
 * from one), then hands them to the wizard's steps.
 */
export function RestoreWizard({ backupId, fromRestoreId }: { backupId: string; fromRestoreId: string | null }) {
  const query = useQuery(restoreWizardQuery, { backupId });
  const from = useQuery(restoreSpecQuery, { id: fromRestoreId ?? '' }, { skip: !fromRestoreId });
  return (
    <QueryView query={query} loading="Loading the backup" failed="Could not load the backup to restore">
      {(data) => {
        if (fromRestoreId && from.state.status === 'loading') return null;
        const backup = data.backup;
        const kinds = backup.result?.countsByKind.map((c) => c.resource) ?? [];
        const earlier = from.state.status === 'ready' && from.state.data.restore.backupId === backup.id ? from.state.data.restore : undefined;
        const initial = earlier
          ? choicesFromSpec(earlier.spec, earlier.targetClusterId, kinds, backup.spec.includeNamespaces)
          : initialRestoreChoices(backup.spec.includeNamespaces);
        return (
          <WizardFlow
            backup={backup}
            clusters={data.clusters.edges.map((e) => e.node).filter((c) => c.tenantId === backup.tenantId)}
            initial={initial}
            startedFromEarlier={earlier !== undefined}
          />
        );
      }}
    </QueryView>
  );
}
