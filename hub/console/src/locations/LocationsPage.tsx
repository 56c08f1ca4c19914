import { SettingsPage } from '../ui/SettingsPage.tsx';
import type { TableColumn } from '../ui/DataTable.tsx';
import type { BackupLocation } from './BackupLocation.ts';
import { locationKindLabels, locationKinds } from './kinds/locationKinds.ts';
import { CreateLocationDialog } from './CreateLocationDialog.tsx';
import { describeWhere } from './locationForm.ts';
import { deleteBackupLocationMutation, locationList, type LocationsData } from './locationOperations.ts';
import { ValidateLocationDialog } from './ValidateLocationDialog.tsx';
import { ValidationCell } from './ValidationCell.tsx';

/** A tenant's backup locations: list with their last check, create, check from a cluster, delete. */
export function LocationsPage() {
  return (
    <SettingsPage
      title="Backup locations"
      noun="location"
      description="Where backups are written. Agents write straight to them, never through the hub."
      list={locationList}
      empty={<p>A location is an S3, Azure or Google Cloud bucket, or a path mounted into the agents.</p>}
      form={{ role: 'admin', creator: CreateLocationDialog }}
      columns={locationColumns}
      warn={(l) => l.validation?.ok === false}
      actions={[
        {
          label: 'Check',
          role: 'operator',
          dialog: (location, { data, reload, close }) =>
            data && <ValidateLocationDialog location={location} clusters={nodes(data.clusters)} onClose={close} onChecked={reload} />,
        },
      ]}
      remove={{
        role: 'admin',
        operation: deleteBackupLocationMutation,
        explain: (
          <p>
            The hub refuses while the catalog holds backups in it or a schedule writes to it. The data in the bucket or
            path is not touched.
          </p>
        ),
      }}
    />
  );
}

const nodes = <T,>(connection: { edges: readonly { node: T }[] }) => connection.edges.map((e) => e.node);

/** Kind, where each writes, its credential and its last check, naming credentials and clusters from the answer. */
function locationColumns(data: LocationsData): TableColumn<BackupLocation>[] {
  const credentialNames = new Map(data.credentials.edges.map((e) => [e.node.id, e.node.name]));
  const clusterNames = new Map(data.clusters.edges.map((e) => [e.node.id, e.node.name]));
  return [
    { header: 'Kind', cell: (l) => locationKindLabels[l.kind] },
    {
      header: 'Where',
      cell: (l) => (
        <div className="cell-stack">
          <code>{describeWhere(l)}</code>
          {l.region && <span className="subtle">Region {l.region}</span>}
          {l.endpoint && <span className="subtle">Endpoint {l.endpoint}</span>}
          {l.forcePathStyle && <span className="subtle">Path-style addressing</span>}
          {l.encryptionKeyRef && <span className="subtle">Encrypted with {l.encryptionKeyRef}</span>}
        </div>
      ),
    },
    {
      header: 'Credential',
      cell: (l) =>
        l.credentialId ? (
          (credentialNames.get(l.credentialId) ?? 'unknown')
        ) : (
          <span className="subtle">{locationKinds[l.kind].credential ? "The agent's own identity" : 'None needed'}</span>
        ),
    },
    {
      header: 'Last check',
      cell: (l) => (
        <ValidationCell
          validation={l.validation}
          clusterName={l.validation?.clusterId ? clusterNames.get(l.validation.clusterId) : undefined}
          now={Date.now()}
        />
      ),
    },
  ];
}
