import { type FormEvent, useId, useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { useQuery } from '../api/useQuery.ts';
import { backupListPath } from '../backups/backupListParams.ts';
import { navigate } from '../router/navigate.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { LoadingState } from '../states/LoadingState.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions } from '../ui/DialogActions.tsx';
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
  const ids = { location: useId(), locationHint: useId(), prefix: useId(), prefixHint: useId(), ttl: useId(), ttlHint: useId(), volumes: useId() };
  const mutation = useMutation(createBackupMutation);
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [namePrefix, setNamePrefix] = useState('');
  const [ttl, setTtl] = useState('');
  const [volumes, setVolumes] = useState(true);
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
      <div className="field">
        <label htmlFor={ids.location}>Location</label>
        <select
          id={ids.location}
          value={locationId}
          onChange={(e) => setLocationId(e.target.value)}
          aria-describedby={ids.locationHint}
          required
        >
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.kind})
            </option>
          ))}
        </select>
        <p className="hint" id={ids.locationHint}>
          {chosen?.validation
            ? chosen.validation.ok
              ? `Checked from a cluster on ${new Date(chosen.validation.checkedAt).toLocaleString()}: it works.`
              : `Its last check failed: ${chosen.validation.error ?? 'no reason given'}`
            : 'Not checked from a cluster yet.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.prefix}>Name prefix</label>
        <input
          id={ids.prefix}
          value={namePrefix}
          onChange={(e) => setNamePrefix(e.target.value)}
          placeholder="backup"
          aria-describedby={ids.prefixHint}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="hint" id={ids.prefixHint}>
          The backup is named after it and the UTC time, e.g. <code>{namePrefix.trim() || 'backup'}-20260301-120000-000</code>.
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.ttl}>Keep for</label>
        <input
          id={ids.ttl}
          value={ttl}
          onChange={(e) => setTtl(e.target.value)}
          placeholder="30d"
          aria-describedby={ids.ttlHint}
          autoComplete="off"
          spellCheck={false}
        />
        <p className="hint" id={ids.ttlHint}>
          Like <code>720h</code>, <code>30d</code> or <code>1h30m</code>; 30 days when left empty. It is deleted then.
        </p>
      </div>
      <div className="field checkbox-field">
        <input id={ids.volumes} type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} />
        <label htmlFor={ids.volumes}>Back up volume data, not only the volume objects</label>
      </div>
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
