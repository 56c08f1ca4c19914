import { type FormEvent, useId, useState } from 'react';
import { defineOperation } from '../api/Operation.ts';
import { useMutation } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { useTenants } from './TenantProvider.tsx';

const createTenantMutation = defineOperation<{ createTenant: { id: string } }, { name: string }>(
  'mutation CreateTenant($name: String!) { createTenant(input: { name: $name }) { id } }',
);

/** A hub administrator's first step on an empty hub: the first tenant, which then owns clusters and the rest. */
export function CreateTenantForm() {
  const { reload, setTenantId } = useTenants();
  const mutation = useMutation(createTenantMutation);
  const id = useId();
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await mutation.run({ name: name.trim() });
    if (data) {
      setTenantId(data.createTenant.id);
      reload();
    }
  };
  return (
    <form className="form inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>Tenant name</label>
        <input id={id} value={name} onChange={(event) => setName(event.target.value)} spellCheck={false} required />
      </div>
      <button type="submit" className="primary" disabled={mutation.state.status === 'running'}>
        Create tenant
      </button>
      {mutation.state.status === 'error' && (
        <ErrorState error={mutation.state.error} title="The hub did not create the tenant" compact />
      )}
    </form>
  );
}
