import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { agentProtocolVersion } from '#schema/agent/agentProtocol';
import { newSecret } from '../auth/secretToken.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { UnauthenticatedError } from '../errors/errors.ts';
import { boundedList, parseFactsInput, parseNamespaceInput } from '../inventory/parseInventoryInput.ts';
import { storeInventory } from '../inventory/storeInventory.ts';
import type { AgentContext } from './AgentContext.ts';
import { AgentHubInfo, AgentJobEvent, Enrollment, JobSettlement, JobStart, ProgressAnswer } from './AgentLinkTypes.ts';
import type { AgentJobEvent as JobEvent } from './AgentSession.ts';
import { enrollAgent } from './enrollAgent.ts';
import { finishJob } from './finishJob.ts';
import { JobProgressInput, NamespaceInventoryInput } from './InventoryInputs.ts';
import { ClusterFacts } from '../inventory/ClusterFacts.ts';
import { reportRestoreItems } from '../restores/reportRestoreItems.ts';
import { RestoreItemInput, RestoreItemsAnswer } from '../restores/RestoreItemLinkTypes.ts';
import { requireSession } from './loadAgentJob.ts';
import { reportJobProgress } from './reportJobProgress.ts';
import { startJob } from './startJob.ts';

/** The agent link's operations (`schema/agent.graphql`); every one but `hub` and `enroll` needs a credential. */
@Resolver()
export class AgentResolver {
  @Query(() => AgentHubInfo)
  hub(@Ctx() { session, dispatcher }: AgentContext): AgentHubInfo {
    return Object.assign(new AgentHubInfo(), {
      protocolVersion: agentProtocolVersion,
      leaseSeconds: Math.round(dispatcher.leaseMs / 1000),
      clusterId: session?.clusterId ?? null,
    });
  }

  @Mutation(() => Enrollment, { description: 'Trades the one-time enrollment token for the cluster credential.' })
  enroll(@Arg('token', () => String) token: string, @Ctx() { dispatcher }: AgentContext): Promise<Enrollment> {
    return enrollAgent(dispatcher.em(), token);
  }

  @Mutation(() => String, {
    description: 'Issues a new credential; the old one stops working at once. Store it before using it.',
  })
  async rotateCredential(@Ctx() context: AgentContext): Promise<string> {
    const session = requireSession(context);
    const credential = newSecret('fbk_agent');
    const rotated = await context.dispatcher
      .em()
      .nativeUpdate(
        ClusterEntity,
        { id: session.clusterId, credentialHash: session.credentialHash },
        { credentialHash: credential.hash },
      );
    if (rotated === 0) throw new UnauthenticatedError('this credential was revoked; enroll again');
    session.credentialHash = credential.hash;
    context.dispatcher.revoked(session.clusterId);
    return credential.token;
  }

  @Subscription(() => AgentJobEvent, {
    description: "This cluster's jobs as they are offered, and cancellations. Every unfinished job on subscribing.",
    subscribe: ({ context }: { context: AgentContext }) =>
      context.dispatcher.openJobStream(requireSession(context)),
  })
  jobs(@Root() event: JobEvent): AgentJobEvent {
    return Object.assign(new AgentJobEvent(), {
      jobId: event.jobId,
      ...(event.type === 'Offer'
        ? { type: event.type, kind: event.kind, attempt: event.attempt, payload: event.payload }
        : { type: event.type, kind: null, attempt: null, payload: null }),
    });
  }

  @Mutation(() => JobStart, { description: 'Takes an offered job; run it only if the answer says so.' })
  ackJob(@Arg('id', () => ID) id: string, @Ctx() context: AgentContext): Promise<JobStart> {
    return startJob(context, id).then((start) => Object.assign(new JobStart(), start));
  }

  @Mutation(() => ProgressAnswer, { description: 'Reports progress and renews the lease; stop if told to.' })
  async reportProgress(
    @Arg('id', () => ID) id: string,
    @Arg('progress', () => JobProgressInput) progress: JobProgressInput,
    @Ctx() context: AgentContext,
  ): Promise<ProgressAnswer> {
    const answer = await reportJobProgress(context, id, {
      done: Math.max(0, progress.done),
      total: Math.max(0, progress.total),
      bytes: Math.max(0, progress.bytes),
      message: progress.message?.slice(0, 1000) ?? null,
    });
    return Object.assign(new ProgressAnswer(), answer);
  }

  @Mutation(() => RestoreItemsAnswer, {
    description:
      "Records what a restore job did with each item, in batches of at most 500, before the job's completion. " +
      "`attempt` is the delivery being run (the offer's `attempt`); a redelivered batch stores nothing twice.",
  })
  async reportRestoreItems(
    @Arg('id', () => ID) id: string,
    @Arg('attempt', () => Int) attempt: number,
    @Arg('items', () => [RestoreItemInput]) items: RestoreItemInput[],
    @Ctx() context: AgentContext,
  ): Promise<RestoreItemsAnswer> {
    return Object.assign(new RestoreItemsAnswer(), await reportRestoreItems(context, id, attempt, items));
  }

  @Mutation(() => JobSettlement, {
    description: 'Ends a job successfully. `outcome` (JSON, schema/agent/OperationOutcome.ts) for backups and restores.',
  })
  async completeJob(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => String, { nullable: true }) outcome: string | null,
    @Ctx() context: AgentContext,
  ): Promise<JobSettlement> {
    return Object.assign(new JobSettlement(), await finishJob(context, id, { ok: true, outcome }));
  }

  @Mutation(() => JobSettlement, { description: 'Ends a job as failed, with what went wrong and what to do.' })
  async failJob(
    @Arg('id', () => ID) id: string,
    @Arg('error', () => String) error: string,
    @Ctx() context: AgentContext,
  ): Promise<JobSettlement> {
    return Object.assign(new JobSettlement(), await finishJob(context, id, { ok: false, error: error.slice(0, 4000) }));
  }

  @Mutation(() => Boolean, { description: 'Replaces the facts the hub holds about this cluster.' })
  async reportFacts(
    @Arg('facts', () => ClusterFacts) facts: ClusterFacts,
    @Ctx() context: AgentContext,
  ): Promise<boolean> {
    const session = requireSession(context);
    const parsed = parseFactsInput(facts);
    await context.em.nativeUpdate(
      ClusterEntity,
      { id: session.clusterId },
      { facts: parsed, kubernetesVersion: parsed.kubernetesVersion, lastSeenAt: new Date() },
    );
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Reports namespaces: the whole inventory when `full`, else the changed and removed ones.',
  })
  async reportInventory(
    @Arg('full', () => Boolean) full: boolean,
    @Arg('upserted', () => [NamespaceInventoryInput]) upserted: NamespaceInventoryInput[],
    @Arg('removed', () => [String]) removed: string[],
    @Ctx() context: AgentContext,
  ): Promise<boolean> {
    const session = requireSession(context);
    await storeInventory(
      context.em,
      { id: session.clusterId, tenantId: session.tenantId },
      {
        full,
        upserted: boundedList('upserted', upserted).map((ns, i) => parseNamespaceInput(ns, `upserted[${i}]`)),
        removed: [...boundedList('removed', removed)],
      },
    );
    return true;
  }
}
