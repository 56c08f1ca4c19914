import { Badge } from '../ui/Badge.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { unreachable } from '../ui/unreachable.ts';
import type { ApiToken } from './accessOperations.ts';
import { describeScope, type TokenState, tokenState } from './describeScope.ts';

export interface ApiTokenTableProps {
  tokens: readonly ApiToken[];
  clusterNames: ReadonlyMap<string, string>;
  onRevoke?: (token: ApiToken) => void;
}

function StateBadge({ state }: { state: TokenState }) {
  switch (state) {
    case 'active':
      return <Badge tone="ok">Active</Badge>;
    case 'expired':
      return <Badge tone="neutral">Expired</Badge>;
    case 'revoked':
      return <Badge tone="bad">Revoked</Badge>;
    default:
      return unreachable(state);
  }
}

/** The tenant's API tokens (without secrets): role, scope, first characters, use and expiry. */
export function ApiTokenTable({ tokens, clusterNames, onRevoke }: ApiTokenTableProps) {
  const now = Date.now();
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Role</th>
          <th scope="col">State</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          {onRevoke && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => {
          const state = tokenState(t, now);
          return (
            <tr key={t.id} data-token={t.name}>
              <th scope="row" data-label="Token">
                <div className="cell-stack">
                  <span className="row-name">{t.name}</span>
                  <code className="subtle" title="The first characters of the token, to tell tokens apart">
                    {t.hint}…
                  </code>
                </div>
              </th>
              <td data-label="Role">
                <div className="cell-stack">
                  <span>{t.role}</span>
                  <span className="subtle">{describeScope(t, clusterNames)}</span>
                </div>
              </td>
              <td data-label="State">
                <div className="cell-stack">
                  <StateBadge state={state} />
                  {state === 'active' && (
                    <span className="subtle">
                      {t.expiresAt ? `expires ${new Date(t.expiresAt).toLocaleDateString()}` : 'never expires'}
                    </span>
                  )}
                </div>
              </td>
              <td data-label="Created">
                <div className="cell-stack">
                  <RelativeTime at={t.createdAt} now={now} />
                  <span className="subtle">by {t.createdBy}</span>
                </div>
              </td>
              <td data-label="Last used">
                {t.lastUsedAt ? <RelativeTime at={t.lastUsedAt} now={now} /> : <span className="subtle">Never</span>}
              </td>
              {onRevoke && (
                <td data-label="Actions">
                  {state === 'active' ? (
                    <button type="button" className="small danger" onClick={() => onRevoke(t)} aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </button>
                  ) : (
                    <span className="subtle">—</span>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
