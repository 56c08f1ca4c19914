import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { authorize, authorizeWholeTenant } from '../access/authorize.ts';
import { findReadable, listByName } from '../access/findReadable.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';
import { newId } from '../db/newId.ts';
import { BadUserInputError, ConflictError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { listWords } from '../graphql/listWords.ts';
import { validateName } from '../graphql/validateName.ts';
import { BackupLocationEntity } from '../locations/BackupLocationEntity.ts';
import { Credential, CredentialConnection } from './Credential.ts';
import { CredentialEntity } from './CredentialEntity.ts';
import { CreateCredentialInput, UpdateCredentialInput } from './CredentialInputs.ts';
import { secretFieldsOf } from './CredentialSecret.ts';
import { credentialKinds } from './kinds/credentialKinds.ts';
import { parseCredentialInput } from './parseCredentialInput.ts';
import { findVisible } from '../db/findVisible.ts';
import { requireTenant } from '../tenants/requireTenant.ts';

@Resolver(() => Credential)
export class CredentialResolver {
  @Query(() => CredentialConnection, {
    description: "A tenant's cloud credentials, by name, without secrets.",
  })
  credentials(
    @Arg('tenantId', () => ID) tenantId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ) {
    return listByName(em, principal, CredentialEntity, tenantId, page, Credential.from);
  }

  @Query(() => Credential)
  async credential(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Credential> {
    return Credential.from(await findReadable(em, principal, CredentialEntity, 'Credential', id));
  }

  @Mutation(() => Credential, {
    description: 'Stores cloud credentials; the secret is encrypted and write-only.',
  })
  async createCredential(
    @Arg('input', () => CreateCredentialInput) input: CreateCredentialInput,
    @Ctx() { em, principal, secrets }: HubContext,
  ): Promise<Credential> {
    authorize(principal, 'administer', { tenantId: input.tenantId });
    await requireTenant(em, input.tenantId);
    const name = validateName('input.name', input.name);
    const parsed = parseCredentialInput('input', input);
    if (!parsed) throw new BadUserInputError('input', `give one of ${listWords(credentialKinds, 'or')}`);
    // The id is chosen here because the sealed secret is bound to it.
    const id = newId();
    const row = em.create(CredentialEntity, {
      id,
      tenantId: input.tenantId,
      name,
      kind: parsed.kind,
      ...parsed.shown,
      secretFields: secretFieldsOf(parsed.secret),
      sealedSecret: secrets.seal(parsed.secret, id),
    });
    await flushOrConflict(em, `this tenant already has a credential named '${name}'`);
    return Credential.from(row);
  }

  @Mutation(() => Credential, {
    description:
      'Renames the credential and/or replaces its secret; locations using it pick it up on their next job.',
  })
  async updateCredential(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCredentialInput) input: UpdateCredentialInput,
    @Ctx() { em, principal, secrets }: HubContext,
  ): Promise<Credential> {
    const row = await findVisible(em, CredentialEntity, 'Credential', id);
    // Locations every cluster of the tenant may use hold it: changing it reaches them all.
    authorizeWholeTenant(principal, 'administer', row.tenantId, 'changing a credential');
    const name = input.name == null ? undefined : validateName('input.name', input.name);
    const parsed = parseCredentialInput('input', input);
    if (!parsed && name === undefined)
      throw new BadUserInputError('input', 'give a new name or a new secret');
    if (parsed && parsed.kind !== row.kind) {
      throw new BadUserInputError(
        `input.${parsed.kind}`,
        `this credential is of kind ${row.kind}; the kind cannot change`,
      );
    }
    if (name !== undefined) row.name = name;
    if (parsed) {
      Object.assign(row, parsed.shown, {
        secretFields: secretFieldsOf(parsed.secret),
        sealedSecret: secrets.seal(parsed.secret, row.id),
      });
    }
    await flushOrConflict(em, `this tenant already has a credential named '${row.name}'`);
    return Credential.from(row);
  }

  @Mutation(() => ID, { description: 'Deletes the credential; refused while a backup location uses it.' })
  async deleteCredential(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<string> {
    const row = await findVisible(em, CredentialEntity, 'Credential', id);
    // Locations every cluster of the tenant may use hold it: changing it reaches them all.
    authorizeWholeTenant(principal, 'administer', row.tenantId, 'changing a credential');
    const users = await em.find(BackupLocationEntity, { credentialId: id }, { fields: ['name'], limit: 5 });
    if (users.length > 0) {
      const names = users.map((l) => `'${l.name}'`).join(', ');
      throw new ConflictError(
        `credential '${row.name}' is used by backup location(s) ${names}; give them another credential first`,
      );
    }
    await em.remove(row).flush();
    return id;
  }
}

