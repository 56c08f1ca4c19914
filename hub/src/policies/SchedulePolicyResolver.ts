import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { parseSchedulePolicySpec } from '#schema/contracts/SchedulePolicySpec';
import { schedulePolicyPresets } from '#schema/contracts/schedulePolicyPresets';
import { authorize } from '../access/authorize.ts';
import { findReadable, listByName } from '../access/findReadable.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';
import { parseSpecInput } from '../backups/parseSpecInput.ts';
import { ConflictError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { validateName } from '../graphql/validateName.ts';
import { replanSchedules } from '../schedules/replanSchedules.ts';
import { authorizeScheduleUsers } from '../schedules/authorizeScheduleUsers.ts';
import { schedulesUsing } from '../schedules/schedulesUsing.ts';
import { SchedulePolicy, SchedulePolicyConnection, SchedulePolicyPreset } from './SchedulePolicy.ts';
import { SchedulePolicyEntity } from './SchedulePolicyEntity.ts';
import { CreateSchedulePolicyInput, UpdateSchedulePolicyInput } from './SchedulePolicyInputs.ts';
import { findVisible } from '../db/findVisible.ts';
import { requireTenant } from '../tenants/requireTenant.ts';

@Resolver(() => SchedulePolicy)
export class SchedulePolicyResolver {
  @Query(() => SchedulePolicyConnection, { description: "A tenant's schedule policies, by name." })
  schedulePolicies(
    @Arg('tenantId', () => ID) tenantId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ) {
    return listByName(em, principal, SchedulePolicyEntity, tenantId, page, SchedulePolicy.from);
  }

  @Query(() => SchedulePolicy)
  async schedulePolicy(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<SchedulePolicy> {
    return SchedulePolicy.from(await findReadable(em, principal, SchedulePolicyEntity, 'SchedulePolicy', id));
  }

  @Query(() => [SchedulePolicyPreset], { description: 'Ready-made schedules to start a policy from.' })
  schedulePolicyPresets(): SchedulePolicyPreset[] {
    return schedulePolicyPresets.map(SchedulePolicyPreset.from);
  }

  @Mutation(() => SchedulePolicy)
  async createSchedulePolicy(
    @Arg('input', () => CreateSchedulePolicyInput) input: CreateSchedulePolicyInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<SchedulePolicy> {
    authorize(principal, 'operate', { tenantId: input.tenantId });
    await requireTenant(em, input.tenantId);
    const name = validateName('input.name', input.name);
    const spec = parseSpecInput('input', () => parseSchedulePolicySpec(input.spec, 'spec'));
    const row = em.create(SchedulePolicyEntity, { tenantId: input.tenantId, name, spec });
    await flushOrConflict(em, `this tenant already has a schedule policy named '${name}'`);
    return SchedulePolicy.from(row);
  }

  @Mutation(() => SchedulePolicy, { description: 'Schedules using the policy follow the change.' })
  async updateSchedulePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSchedulePolicyInput) input: UpdateSchedulePolicyInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<SchedulePolicy> {
    const row = await findVisible(em, SchedulePolicyEntity, 'SchedulePolicy', id);
    authorize(principal, 'operate', { tenantId: row.tenantId });
    const what = `schedule policy '${row.name}'`;
    await authorizeScheduleUsers(em, principal, row.tenantId, { policyId: row.id }, what);
    if (input.name != null) row.name = validateName('input.name', input.name);
    const spec = input.spec;
    if (spec != null) row.spec = parseSpecInput('input', () => parseSchedulePolicySpec(spec, 'spec'));
    await flushOrConflict(em, `this tenant already has a schedule policy named '${row.name}'`);
    // Runs planned under the old timing are dropped; the scheduler plans each from the policy's new timing.
    if (spec != null) await replanSchedules(em, { policyId: row.id });
    return SchedulePolicy.from(row);
  }

  @Mutation(() => ID, { description: 'Deletes the policy; refused while a backup schedule uses it.' })
  async deleteSchedulePolicy(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<string> {
    const row = await findVisible(em, SchedulePolicyEntity, 'SchedulePolicy', id);
    authorize(principal, 'operate', { tenantId: row.tenantId });
    const users = await schedulesUsing(em, { policyId: id });
    if (users.length > 0) {
      throw new ConflictError(
        `schedule policy '${row.name}' is used by backup schedule(s) ${users.join(', ')}; give them another policy first`,
      );
    }
    await em.remove(row).flush();
    return id;
  }
}
