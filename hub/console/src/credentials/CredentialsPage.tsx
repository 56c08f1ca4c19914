import { changedColumn } from '../ui/changedColumn.tsx';
import { SettingsPage } from '../ui/SettingsPage.tsx';
import type { Credential } from './Credential.ts';
import { credentialKindLabels } from './kinds/credentialKinds.ts';
import { CredentialDialog } from './CredentialDialog.tsx';
import { credentialList, deleteCredentialMutation } from './credentialOperations.ts';

/** A tenant's cloud credentials: list (no secrets), store, rename or replace the secret, delete. */
export function CredentialsPage() {
  return (
    <SettingsPage
      title="Credentials"
      noun="credential"
      description="Cloud credentials backup locations use. Secrets are stored encrypted and never shown again."
      list={credentialList}
      empty={
        <p>
          An S3, Azure or Google Cloud location needs one (S3 can use the agent's own identity instead); a filesystem
          location needs none.
        </p>
      }
      form={{ role: 'admin', verb: 'store', editor: CredentialDialog }}
      columns={[
        { header: 'Kind', cell: (c) => credentialKindLabels[c.kind] },
        { header: 'Details', cell: (c) => <CredentialDetails credential={c} /> },
        {
          header: 'Secret',
          cell: (c) => (
            <span title="Secrets are write-only: the hub never returns them.">
              {c.secretFields.length ? `${c.secretFields.join(', ')} stored` : 'none stored'}
            </span>
          ),
        },
        changedColumn,
      ]}
      remove={{
        role: 'admin',
        operation: deleteCredentialMutation,
        explain: <p>The hub refuses while a backup location uses it; give those locations another credential first.</p>,
      }}
    />
  );
}

function CredentialDetails({ credential: c }: { credential: Credential }) {
  return (
    <div className="cell-stack">
      {c.region && <span>Region {c.region}</span>}
      {c.accountName && <span>Account {c.accountName}</span>}
      {c.projectId && <span>Project {c.projectId}</span>}
      {c.clientEmail && <span className="subtle">{c.clientEmail}</span>}
      {!c.region && !c.accountName && !c.projectId && !c.clientEmail && <span className="subtle">—</span>}
    </div>
  );
}
