import { type BackupLocation, locationKindLabels } from './BackupLocation.ts';
import { describeWhere } from './locationForm.ts';
import { ValidationCell } from './ValidationCell.tsx';

export interface LocationTableProps {
  locations: readonly BackupLocation[];
  credentialNames: ReadonlyMap<string, string>;
  clusterNames: ReadonlyMap<string, string>;
  /** Set for operators: check a location from a cluster. */
  onValidate?: (location: BackupLocation) => void;
  /** Set for admins. */
  onDelete?: (location: BackupLocation) => void;
}

/** A tenant's backup locations: kind, where they write, their credential and their last check. */
export function LocationTable({ locations, credentialNames, clusterNames, onValidate, onDelete }: LocationTableProps) {
  const now = Date.now();
  const actions = Boolean(onValidate || onDelete);
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">Backup locations</caption>
      <thead>
        <tr>
          <th scope="col">Location</th>
          <th scope="col">Kind</th>
          <th scope="col">Where</th>
          <th scope="col">Credential</th>
          <th scope="col">Last check</th>
          {actions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {locations.map((l) => (
          <tr key={l.id} data-location={l.name} className={l.validation && !l.validation.ok ? 'row-warn' : undefined}>
            <th scope="row" data-label="Location">
              <span className="row-name">{l.name}</span>
            </th>
            <td data-label="Kind">{locationKindLabels[l.kind]}</td>
            <td data-label="Where">
              <div className="cell-stack">
                <code>{describeWhere(l)}</code>
                {l.region && <span className="subtle">Region {l.region}</span>}
                {l.endpoint && <span className="subtle">Endpoint {l.endpoint}</span>}
                {l.forcePathStyle && <span className="subtle">Path-style addressing</span>}
                {l.encryptionKeyRef && <span className="subtle">Encrypted with {l.encryptionKeyRef}</span>}
              </div>
            </td>
            <td data-label="Credential">
              {l.credentialId ? (
                (credentialNames.get(l.credentialId) ?? 'unknown')
              ) : (
                <span className="subtle">{l.kind === 'filesystem' ? 'None needed' : "The agent's own identity"}</span>
              )}
            </td>
            <td data-label="Last check">
              <ValidationCell
                validation={l.validation}
                clusterName={l.validation?.clusterId ? clusterNames.get(l.validation.clusterId) : undefined}
                now={now}
              />
            </td>
            {actions && (
              <td data-label="Actions">
                <div className="row-actions">
                  {onValidate && (
                    <button type="button" className="small" onClick={() => onValidate(l)} aria-label={`Check ${l.name}`}>
                      Check
                    </button>
                  )}
                  {onDelete && (
                    <button type="button" className="small danger" onClick={() => onDelete(l)} aria-label={`Delete ${l.name}`}>
                      Delete
                    </button>
                  )}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
