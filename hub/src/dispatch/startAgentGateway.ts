import { randomUUID } from 'node:crypto';
import type { ExecutionArgs, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { GraphQLError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import {
  type AgentConnectionParams,
  agentCloseCodes,
  supportedAgentProtocolVersions,
} from '#schema/agent/agentProtocol';
import { hashSecret } from '../auth/secretToken.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { scopeFilterName } from '../db/scopeFilter.ts';
import type { Logger } from '../logging/Logger.ts';
import type { AgentContext } from './AgentContext.ts';
import type { AgentSession } from './AgentSession.ts';
import type { Dispatcher } from './Dispatcher.ts';

export interface AgentGatewayOptions {
  schema: GraphQLSchema;
  dispatcher: Dispatcher;
  logger: Logger;
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Interval of WebSocket pings; a peer that misses one is dropped, so dead agents are noticed. */
  keepAliveMs: number;
  /** A socket that has not sent connection_init by then is closed. */
  connectionInitWaitMs: number;
  /** Admits each operation (parse, validation, depth and cost limits); see `admitOperation`. */
  onSubscribe: (ctx: unknown, id: string, payload: SubscribePayload) => ExecutionArgs | readonly GraphQLError[];
  /** How long a connection without a credential may stay open to enroll. */
  enrollWindowMs?: number;
}

/** Close code of a credential-less connection that did not enroll in time; agents retry on it. */
const enrollTimeoutCode = 4408;

/** Why a connection_init is refused, with the close code an agent must not retry on. */
class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function readParams(raw: Readonly<Record<string, unknown>> | undefined): AgentConnectionParams {
  const version = raw?.protocolVersion;
  if (typeof version !== 'number' || !supportedAgentProtocolVersions.includes(version)) {
    throw new Refusal(
      agentCloseCodes.incompatibleProtocol,
      `agent protocol ${String(version)} is not supported; this hub speaks ${supportedAgentProtocolVersions.join(', ')}: install a matching agent`,
    );
  }
  const agentVersion = typeof raw?.agentVersion === 'string' ? raw.agentVersion.slice(0, 64) : 'unknown';
  const credential = typeof raw?.credential === 'string' ? raw.credential : undefined;
  return { protocolVersion: version, agentVersion, ...(credential ? { credential } : {}) };
}

/**
 * Serves the agent link on `wsServer`: checks the protocol version and the credential at connection_init,
 * attaches the connection to the dispatcher, and gives each operation a context scoped to the agent's own
 * cluster. A connection without a credential may only enroll.
 */
export function startAgentGateway(wsServer: WebSocketServer, options: AgentGatewayOptions) {
  const { dispatcher, logger } = options;
  const sessions = new WeakMap<object, AgentSession>();
  return useServer<Record<string, unknown>, { sessionKey?: object }>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: options.connectionInitWaitMs,
      onSubscribe: options.onSubscribe,
      onConnect: async (ctx) => {
        try {
          const params = readParams(ctx.connectionParams);
          if (!dispatcher.accepting) {
            // Attached now, the agent would show connected to a hub that is going away.
            throw new Refusal(agentCloseCodes.hubUnavailable, 'the hub is shutting down; retry');
          }
          if (!params.credential) {
            // A connection without a credential can only enroll; one that lingers only holds a socket.
            const socket = ctx.extra.socket;
            const timer = setTimeout(
              () => socket.close(enrollTimeoutCode, 'enroll right after connecting, then reconnect with the credential'),
              options.enrollWindowMs ?? 30_000,
            );
            socket.once('close', () => clearTimeout(timer));
            return true;
          }
          const credentialHash = hashSecret(params.credential);
          const cluster = await dispatcher.em().findOne(ClusterEntity, { credentialHash });
          if (!cluster) {
            throw new Refusal(
              agentCloseCodes.credentialRefused,
              'the cluster credential is not valid (the cluster was deleted or re-enrolled); enroll again with a new token',
            );
          }
          const socket = ctx.extra.socket;
          const session: AgentSession = {
            id: randomUUID(),
            clusterId: cluster.id,
            tenantId: cluster.tenantId,
            agentVersion: params.agentVersion,
            credentialHash,
            jobs: undefined,
            close: (code, reason) => socket.close(code, reason),
          };
          sessions.set(ctx, session);
          await dispatcher.attach(session);
          logger.info({ clusterId: cluster.id, agentVersion: params.agentVersion }, 'agent connected');
          return true;
        } catch (error) {
          if (error instanceof Refusal) {
            logger.warn({ reason: error.message }, 'agent connection refused');
            ctx.extra.socket.close(error.code, error.message);
          } else {
            // Not the agent's fault (the database may be down): a retryable close, never a fatal 4500.
            logger.error({ err: error }, 'agent connection failed');
            ctx.extra.socket.close(agentCloseCodes.hubUnavailable, 'the hub could not admit the agent; retry later');
          }
          return false;
        }
      },
      onClose: async (ctx, code, reason) => {
        const session = sessions.get(ctx);
        if (!session) return;
        sessions.delete(ctx);
        logger.info({ clusterId: session.clusterId, code, reason }, 'agent disconnected');
        await dispatcher.detach(session);
      },
      context: (ctx): AgentContext => {
        const session = sessions.get(ctx);
        const em = dispatcher.em();
        em.setFilterParams(scopeFilterName, {
          all: false,
          tenantIds: session ? [session.tenantId] : [],
          allClustersTenantIds: [],
          clusterIds: session ? [session.clusterId] : [],
        });
        return { em, session, dispatcher, logger };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e: GraphQLError) => options.format(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((e: GraphQLError) => options.format(e.toJSON(), e)) }
          : undefined,
    },
    wsServer,
    options.keepAliveMs,
  );
}
