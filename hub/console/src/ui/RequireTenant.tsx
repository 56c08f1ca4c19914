import type { ReactNode } from 'react';
import { EmptyState } from '../states/EmptyState.tsx';
import { useTenants } from '../tenants/TenantProvider.tsx';

export interface RequireTenantProps {
  /** What the screen lists, e.g. "backup locations". */
  what: string;
  children: (tenantId: string) => ReactNode;
}

/**
 * The tenant a settings screen shows. Locations, credentials, policies, rules and access belong to one tenant
 * (the API asks for its id), so with "All tenants" chosen the screen asks which one instead of guessing.
 */
export function RequireTenant({ what, children }: RequireTenantProps) {
  const { tenants, tenantId, setTenantId } = useTenants();
  if (tenantId) return <>{children(tenantId)}</>;
  if (tenants.length === 0) {
    return (
      <EmptyState title="No tenants yet">
        <p>
          {what[0]?.toUpperCase()}
          {what.slice(1)} belong to a tenant, and you hold no role in any. A hub administrator creates tenants on
          the Fleet screen; a tenant admin binds your user or group to a role.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="Choose a tenant"
      action={
        <div className="tenant-choices">
          {tenants.map((t) => (
            <button key={t.id} type="button" onClick={() => setTenantId(t.id)}>
              {t.displayName || t.name}
            </button>
          ))}
        </div>
      }
    >
      <p>Each tenant has its own {what}. Pick one here or with the tenant switcher at the top.</p>
    </EmptyState>
  );
}
