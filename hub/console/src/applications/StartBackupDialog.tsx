import type { FormEvent } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { useQuery } from '../api/useQuery.ts';
import { backupListPath } from '../backups/backupListParams.ts';
import { navigate } from '../router/navigate.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { LoadingState } from '../states/LoadingState.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions } from '../ui/DialogActions.tsx';
import { CheckboxField } from '../ui/Field.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useForm } from '../ui/useForm.ts';
import { backupLocationsQuery, type LocationChoice } from './backupLocationsQuery.ts';
import type { BackupSelection } from './backupSelection.ts';
import { createBackupMutation } from './createBackupMutation.ts';

export interface StartBackupDialogProps {
  cluster: { id: string; tenantId: string; name: string };
  selection: BackupSelection;
  onClose: () => void;
}

/**
 * Starts a backup of the application view's selection: where it goes, what it is called and how long it is
 * kept. Once the hub has queued it, the backups list shows it moving.
 */
export function StartBackupDialog({ cluster, selection, onClose }: StartBackupDialogProps) {
  const locations = useQuery(backupLocationsQuery, { tenantId: cluster.tenantId });
  return (
    <Dialog title={`Back up from ${cluster.name}`} onClose={onClose}>
      <SelectionSummary selection={selection} />
      {locations.state.status === 'loading' && <LoadingState label="Loading backup locations" />}
      {locations.state.status === 'error' && (
        <ErrorState error={locations.state.error} title="Could not load the backup locations" onRetry={locations.reload} compact />
      )}
      {locations.state.status === 'ready' &&
        (locations.state.data.backupLocations.edges.length === 0 ? (
          <div className="state state-empty">
            <h2>No backup location yet</h2>
            <p className="state-body">
              Backups are written to a location of the tenant (S3, Azure Blob, Google Cloud Storage or a path in the
              agent). A tenant admin adds one; then come back here.
            </p>
            <DialogActions close="Close" onClose={onClose} />
          </div>
        ) : (
          <StartForm
            cluster={cluster}
            selection={selection}
            locations={locations.state.data.backupLocations.edges.map((e) => e.node)}
            onCancel={onClose}
          />
        ))}
    </Dialog>
  );
}

function SelectionSummary({ selection }: { selection: BackupSelection }) {
  return (
    <dl className="facts selection-summary">
      <dt>Namespaces</dt>
      <dd data-testid="selected-namespaces">
        {selection.includeNamespaces.length === 0 ? (
          'All namespaces, including ones created later'
        ) : (
          <span className="chips">
            {selection.includeNamespaces.map((n) => (
              <code key={n}>{n}</code>
            ))}
          </span>
        )}
      </dd>
      <dt>Objects</dt>
      <dd>
        {selection.labelSelectors.length === 0 ? (
          'Every object in them'
        ) : (
          <>
            Only objects labelled <code>{selection.labelSelectors.join(' or ')}</code>, of every kind (config maps and
            secrets too, not only workloads)
          </>
        )}
      </dd>
    </dl>
  );
}

interface StartFormProps {
  cluster: StartBackupDialogProps['cluster'];
  selection: BackupSelection;
  locations: LocationChoice[];
  onCancel: () => void;
}

function StartForm({ cluster, selection, locations, onCancel }: StartFormProps) {
  const mutation = useMutation(createBackupMutation);
  const { form, change, text, check } = useForm({ locationId: locations[0]?.id ?? '', namePrefix: '', ttl: '', volumes: true });
  const { locationId, namePrefix, ttl, volumes } = form;
  const chosen = locations.find((l) => l.id === locationId);
  const busy = mutation.state.status === 'running';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await mutation.run({
      input: {
        clusterId: cluster.id,
        locationId,
        includeNamespaces: selection.includeNamespaces,
        labelSelectors: selection.labelSelectors,
        volumes,
        ...(namePrefix.trim() ? { namePrefix: namePrefix.trim() } : {}),
        ...(ttl.trim() ? { ttl: ttl.trim() } : {}),
      },
    });
    if (data) navigate(backupListPath({ clusterId: cluster.id, started: data.createBackup.id }));
  };

  return (
    <form className="form" onSubmit={submit}>
      <SelectField
        label="Location"
        hint={
          chosen?.validation
            ? chosen.validation.ok
              ? `Checked from a cluster on ${new Date(chosen.validation.checkedAt).toLocaleString()}: it works.`
              : `Its last check failed: ${chosen.validation.error ?? 'no reason given'}`
            : 'Not checked from a cluster yet.'
        }
        required
        options={locations.map((l) => ({ value: l.id, label: `${l.name} (${l.kind})` }))}
        value={locationId}
        onChange={(id) => change({ locationId: id })}
      />
      <TextField
        label="Name prefix"
        hint={
          <>
            The backup is named after it and the UTC time, e.g. <code>{namePrefix.trim() || 'backup'}-20260301-120000-000</code>.
          </>
        }
        placeholder="backup"
        {...text('namePrefix')}
      />
      <TextField
        label="Keep for"
        hint={
          <>
            Like <code>720h</code>, <code>30d</code> or <code>1h30m</code>; 30 days when left empty. It is deleted then.
          </>
        }
        placeholder="30d"
        {...text('ttl')}
      />
      <CheckboxField label="Back up volume data, not only the volume objects" {...check('volumes')} />
      {mutation.state.status === 'error' && (
        <ErrorState error={mutation.state.error} title="The hub did not start the backup" compact />
      )}
      <DialogActions close="Cancel" onClose={onCancel}>
        <button type="submit" className="primary" disabled={busy || !locationId}>
          {busy ? 'Starting…' : 'Start backup'}
        </button>
      </DialogActions>
    </form>
  );
}
