import type { RoleName } from '../auth/meQuery.ts';
import type { ScopeForm } from './accessForms.ts';
import { roleDescriptions } from './describeScope.ts';
import { Field } from '../ui/Field.tsx';
import { TextField } from '../ui/TextField.tsx';

export interface ScopeFieldsProps {
  form: ScopeForm;
  change: (patch: Partial<ScopeForm>) => void;
  clusters: readonly { id: string; name: string }[];
}

/** The role to grant and, optionally, the clusters and namespaces it is narrowed to. */
export function ScopeFields({ form, change, clusters }: ScopeFieldsProps) {
  return (
    <>
      <Field label="Role" hint={roleDescriptions[form.role]}>
        {(control) => (
          <select {...control} value={form.role} onChange={(event) => change({ role: event.target.value as RoleName })}>
            <option value="viewer">viewer</option>
            <option value="operator">operator</option>
            <option value="admin">admin</option>
          </select>
        )}
      </Field>
      <fieldset className="fieldset">
        <legend>Narrow it (optional)</legend>
        {clusters.length > 0 && (
          <fieldset className="fieldset nested">
            <legend>Clusters (none ticked: all)</legend>
            <div className="choice-group">
              {clusters.map((c) => (
                <label key={c.id}>
                  <input
                    type="checkbox"
                    checked={form.clusterIds.includes(c.id)}
                    onChange={(event) =>
                      change({
                        clusterIds: event.target.checked
                          ? [...form.clusterIds, c.id]
                          : form.clusterIds.filter((id) => id !== c.id),
                      })
                    }
                  />
                  {c.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <TextField
          label="Namespaces"
          hint="Names or * patterns like shop-*, comma-separated; blank: all."
          value={form.namespaces}
          onChange={(value) => change({ namespaces: value })}
        />
      </fieldset>
    </>
  );
}
