import { useId } from 'react';
import { useTenants } from './TenantProvider.tsx';

/** Chooses the tenant every screen shows; a caller of one tenant sees just its name. */
export function TenantSwitcher() {
  const { tenants, tenantId, setTenantId } = useTenants();
  const id = useId();
  const [first] = tenants;
  if (!first) return null;
  if (tenants.length === 1) {
    return (
      <span className="tenant-name" title="Tenant">
        {first.displayName || first.name}
      </span>
    );
  }
  return (
    <span className="tenant-switcher">
      <label htmlFor={id}>Tenant</label>
      <select id={id} value={tenantId ?? ''} onChange={(event) => setTenantId(event.target.value || null)}>
        <option value="">All tenants</option>
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.displayName || t.name}
          </option>
        ))}
      </select>
    </span>
  );
}
