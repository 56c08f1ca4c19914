import { RelativeTime } from '../ui/RelativeTime.tsx';
import { type Credential, credentialKindLabels } from './Credential.ts';

export interface CredentialTableProps {
  credentials: readonly Credential[];
  onEdit?: (credential: Credential) => void;
  onDelete?: (credential: Credential) => void;
}

/** A tenant's credentials: what each is for and which secret fields hold a value, never the values. */
export function CredentialTable({ credentials, onEdit, onDelete }: CredentialTableProps) {
  const now = Date.now();
  const actions = Boolean(onEdit || onDelete);
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">Credentials</caption>
      <thead>
        <tr>
          <th scope="col">Credential</th>
          <th scope="col">Kind</th>
          <th scope="col">Details</th>
          <th scope="col">Secret</th>
          <th scope="col">Changed</th>
          {actions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {credentials.map((c) => (
          <tr key={c.id} data-credential={c.name}>
            <th scope="row" data-label="Credential">
              <span className="row-name">{c.name}</span>
            </th>
            <td data-label="Kind">{credentialKindLabels[c.kind]}</td>
            <td data-label="Details">
              <div className="cell-stack">
                {c.region && <span>Region {c.region}</span>}
                {c.accountName && <span>Account {c.accountName}</span>}
                {c.projectId && <span>Project {c.projectId}</span>}
                {c.clientEmail && <span className="subtle">{c.clientEmail}</span>}
                {!c.region && !c.accountName && !c.projectId && !c.clientEmail && <span className="subtle">—</span>}
              </div>
            </td>
            <td data-label="Secret">
              <span title="Secrets are write-only: the hub never returns them.">
                {c.secretFields.length ? `${c.secretFields.join(', ')} stored` : 'none stored'}
              </span>
            </td>
            <td data-label="Changed">
              <RelativeTime at={c.updatedAt} now={now} />
            </td>
            {actions && (
              <td data-label="Actions">
                <div className="row-actions">
                  {onEdit && (
                    <button type="button" className="small" onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>
                      Edit
                    </button>
                  )}
                  {onDelete && (
                    <button type="button" className="small danger" onClick={() => onDelete(c)} aria-label={`Delete ${c.name}`}>
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
