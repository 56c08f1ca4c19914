import { Badge } from '../ui/Badge.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { SettingsTable } from '../ui/SettingsTable.tsx';
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
    <SettingsTable
      caption="API tokens"
      rows={tokens}
      rowProps={(t) => ({ 'data-token': t.name })}
      columns={[
        {
          header: 'Token',
          cell: (t) => (
            <div className="cell-stack">
              <span className="row-name">{t.name}</span>
              <code className="subtle" title="The first characters of the token, to tell tokens apart">
                {t.hint}…
              </code>
            </div>
          ),
        },
        {
          header: 'Role',
          cell: (t) => (
            <div className="cell-stack">
              <span>{t.role}</span>
              <span className="subtle">{describeScope(t, clusterNames)}</span>
            </div>
          ),
        },
        { header: 'State', cell: (t) => <StateCell token={t} now={now} /> },
        {
          header: 'Created',
          cell: (t) => (
            <div className="cell-stack">
              <RelativeTime at={t.createdAt} now={now} />
              <span className="subtle">by {t.createdBy}</span>
            </div>
          ),
        },
        {
          header: 'Last used',
          cell: (t) => (t.lastUsedAt ? <RelativeTime at={t.lastUsedAt} now={now} /> : <span className="subtle">Never</span>),
        },
      ]}
      actions={[{ label: 'Revoke', danger: true, run: onRevoke, offered: (t) => tokenState(t, now) === 'active' }]}
    />
  );
}

function StateCell({ token, now }: { token: ApiToken; now: number }) {
  const state = tokenState(token, now);
  return (
    <div className="cell-stack">
      <StateBadge state={state} />
      {state === 'active' && (
        <span className="subtle">
          {token.expiresAt ? `expires ${new Date(token.expiresAt).toLocaleDateString()}` : 'never expires'}
        </span>
      )}
    </div>
  );
}
