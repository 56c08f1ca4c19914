import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import type { Me, RoleName } from '../auth/meQuery.ts';
import { useSession } from '../auth/SessionProvider.tsx';
import { ErrorState } from '../states/ErrorState.tsx';
import { LoadingState } from '../states/LoadingState.tsx';
import { hasRole } from './hasRole.ts';
import { sessionQuery, type Tenant } from './tenantsQuery.ts';

export interface TenantContextValue {
  me: Me;
  /** Every tenant the caller can see, by name. */
  tenants: Tenant[];
  /** The tenant the screens show, or null for all of them. */
  tenantId: string | null;
  setTenantId(id: string | null): void;
  /** Whether the caller holds at least `role` in the tenant (to offer an action; the hub decides). */
  can(role: RoleName, tenantId: string): boolean;
  /** Loads the caller and the tenants again (after creating a tenant, say). */
  reload(): void;
}

const TenantContext = createContext<TenantContextValue | undefined>(undefined);
const storageKey = 'fleetback.tenant';

/**
 * Loads who the caller is and which tenants it sees, and holds the tenant the screens are filtered by: the
 * last one chosen in this browser if still visible, else the only one, else all.
 */
export function TenantProvider({ children }: { children: ReactNode }) {
  const query = useQuery(sessionQuery, {});
  const { signOut } = useSession();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(storageKey));
  const setTenantId = useCallback((id: string | null) => {
    if (id) localStorage.setItem(storageKey, id);
    else localStorage.removeItem(storageKey);
    setChosen(id);
  }, []);
  const data = query.state.status === 'ready' ? query.state.data : undefined;
  const value = useMemo<TenantContextValue | undefined>(() => {
    if (!data) return undefined;
    const tenants = data.tenants.edges.map((e) => e.node);
    const only = tenants.length === 1 ? (tenants[0] as Tenant).id : null;
    const tenantId = tenants.some((t) => t.id === chosen) ? chosen : only;
    return {
      me: data.me,
      tenants,
      tenantId,
      setTenantId,
      can: (role, id) => hasRole(data.me, id, role),
      reload: query.reload,
    };
  }, [data, chosen, setTenantId, query.reload]);

  if (query.state.status === 'error') {
    return (
      <main className="signin" id="main">
        <div className="signin-card">
          <ErrorState error={query.state.error} title="Could not load your account" onRetry={query.reload} />
          <button type="button" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </main>
    );
  }
  if (!value) return <LoadingState label="Loading your account" />;
  return <TenantContext.Provider value={value}>{children}</TenantContext.Provider>;
}

export function useTenants(): TenantContextValue {
  const value = useContext(TenantContext);
  if (!value) throw new Error('useTenants outside a TenantProvider');
  return value;
}
