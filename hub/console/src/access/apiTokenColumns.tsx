import { Badge, type BadgeTone } from '../ui/Badge.tsx';
import { nameColumn } from '../ui/nameColumn.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { TableColumns } from '../ui/DataTable.tsx';
import type { ApiToken } from './accessOperations.ts';
import { describeScope, type TokenState, tokenState } from './describeScope.ts';

const stateBadges: Record<TokenState, { tone: BadgeTone; label: string }> = {
  active: { tone: 'ok', label: 'Active' },
  expired: { tone: 'neutral', label: 'Expired' },
  revoked: { tone: 'bad', label: 'Revoked' },
};

/** The columns of the tenant's API tokens (without secrets): role, scope, first characters, use and expiry. */
export function apiTokenColumns(clusterNames: ReadonlyMap<string, string>, now: number): TableColumns<ApiToken> {
  return [
    nameColumn<ApiToken>({
      header: 'Token',
      name: (t) => t.name,
      about: (t) => (
        <code className="subtle" title="The first characters of the token, to tell tokens apart">
          {t.hint}…
        </code>
      ),
    }),
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
  ];
}

/** Only an active token can be revoked. */
export const revocable = (token: ApiToken, now: number) => tokenState(token, now) === 'active';

function StateCell({ token, now }: { token: ApiToken; now: number }) {
  const state = tokenState(token, now);
  return (
    <div className="cell-stack">
      <Badge tone={stateBadges[state].tone}>{stateBadges[state].label}</Badge>
      {state === 'active' && (
        <span className="subtle">
          {token.expiresAt ? `expires ${new Date(token.expiresAt).toLocaleDateString()}` : 'never expires'}
        </span>
      )}
    </div>
  );
}
