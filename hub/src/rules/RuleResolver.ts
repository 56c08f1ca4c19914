import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { parseRuleSpec } from '#schema/contracts/RuleSpec';
import { authorize } from '../access/authorize.ts';
import { findReadable, listByName } from '../access/findReadable.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';
import { parseSpecInput } from '../backups/parseSpecInput.ts';
import { ConflictError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { validateName } from '../graphql/validateName.ts';
import { schedulesUsing } from '../schedules/schedulesUsing.ts';
import { authorizeRuleChange, authorizeRuleSpec } from './authorizeRuleChange.ts';
import { Rule, RuleConnection } from './Rule.ts';
import { RuleEntity } from './RuleEntity.ts';
import { CreateRuleInput, UpdateRuleInput } from './RuleInputs.ts';
import { findVisible } from '../db/findVisible.ts';
import { requireTenant } from '../tenants/requireTenant.ts';

@Resolver(() => Rule)
export class RuleResolver {
  @Query(() => RuleConnection, { description: "A tenant's pre- and post-backup rules, by name." })
  rules(
    @Arg('tenantId', () => ID) tenantId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ) {
    return listByName(em, principal, RuleEntity, tenantId, page, Rule.from);
  }

  @Query(() => Rule)
  async rule(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: HubContext): Promise<Rule> {
    return Rule.from(await findReadable(em, principal, RuleEntity, 'Rule', id));
  }

  @Mutation(() => Rule)
  async createRule(
    @Arg('input', () => CreateRuleInput) input: CreateRuleInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Rule> {
    authorize(principal, 'operate', { tenantId: input.tenantId });
    await requireTenant(em, input.tenantId);
    const name = validateName('input.name', input.name);
    const spec = parseSpecInput('input', () => parseRuleSpec(input.spec, 'spec'));
    authorizeRuleSpec(principal, input.tenantId, spec, 'input.spec');
    const row = em.create(RuleEntity, { tenantId: input.tenantId, name, spec });
    await flushOrConflict(em, `this tenant already has a rule named '${name}'`);
    return Rule.from(row);
  }

  @Mutation(() => Rule, { description: 'Schedules using the rule follow the change.' })
  async updateRule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRuleInput) input: UpdateRuleInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Rule> {
    const row = await findVisible(em, RuleEntity, 'Rule', id);
    authorize(principal, 'operate', { tenantId: row.tenantId });
    const spec = input.spec;
    const next = spec == null ? null : parseSpecInput('input', () => parseRuleSpec(spec, 'spec'));
    await authorizeRuleChange(em, principal, row, next);
    if (input.name != null) row.name = validateName('input.name', input.name);
    if (next) row.spec = next;
    await flushOrConflict(em, `this tenant already has a rule named '${row.name}'`);
    return Rule.from(row);
  }

  @Mutation(() => ID, { description: 'Deletes the rule; refused while a backup schedule uses it.' })
  async deleteRule(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: HubContext): Promise<string> {
    const row = await findVisible(em, RuleEntity, 'Rule', id);
    authorize(principal, 'operate', { tenantId: row.tenantId });
    await authorizeRuleChange(em, principal, row, null);
    const users = await schedulesUsing(em, { ruleId: id });
    if (users.length > 0) {
      throw new ConflictError(
        `rule '${row.name}' is used by backup schedule(s) ${users.join(', ')}; remove it from them first`,
      );
    }
    await em.remove(row).flush();
    return id;
  }
}
