import type { RoleName } from '../auth/meQuery.ts';
import type { FormBinding } from '../ui/bindForm.ts';
import { CheckChoices } from '../ui/CheckChoices.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { TextField } from '../ui/TextField.tsx';
import type { ScopeForm } from './accessForms.ts';
import { roleDescriptions } from './describeScope.ts';

export interface ScopeFieldsProps {
  bind: FormBinding<ScopeForm>;
  clusters: readonly { id: string; name: string }[];
}

const roleLabels: Record<RoleName, string> = { viewer: 'viewer', operator: 'operator', admin: 'admin' };

/** The role to grant and, optionally, the clusters and namespaces it is narrowed to. */
export function ScopeFields({ bind: { form, change, text }, clusters }: ScopeFieldsProps) {
  return (
    <>
      <SelectField label="Role" hint={roleDescriptions[form.role]} options={roleLabels} value={form.role} onChange={(role) => change({ role })} />
      <fieldset className="fieldset">
        <legend>Narrow it (optional)</legend>
        {clusters.length > 0 && (
          <CheckChoices
            legend="Clusters (none ticked: all)"
            options={clusters.map((c) => ({ value: c.id, label: c.name }))}
            chosen={form.clusterIds}
            onChange={(clusterIds) => change({ clusterIds })}
          />
        )}
        <TextField label="Namespaces" hint="Names or * patterns like shop-*, comma-separated; blank: all." {...text('namespaces')} />
      </fieldset>
    </>
  );
}
