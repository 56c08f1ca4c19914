import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isAnonymousOperation } from '../auth/anonymousOperation.ts';
import { AuthFailureLimiter } from '../auth/AuthFailureLimiter.ts';
import { OidcVerifier } from '../auth/OidcVerifier.ts';
import type { HubConfig } from '../config/loadConfig.ts';
import { createOrm, defaultSqliteFile, dialectOf } from './createOrm.ts';
import { hubWideEm } from '../db/hubWideEm.ts';
import { buildHubSchema } from './buildHubSchema.ts';
import { deliverUpdate } from '../graphql/hubPubSub.ts';
import { depthLimit } from '../graphql/depthLimit.ts';
import { formatError } from '../graphql/formatError.ts';
import {
  admitOperation,
  agentLinkLimits,
  operationLimitsPlugin,
  publicApiLimits,
} from '../graphql/operationLimits.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { limitResponseSize, responseSizePlugin } from '../graphql/responseSizeLimit.ts';
import { agentLinkPath } from '#schema/agent/agentProtocol';
import { buildAgentSchema } from '../dispatch/buildAgentSchema.ts';
import { Dispatcher } from '../dispatch/Dispatcher.ts';
import { LocalDispatchSignals } from '../dispatch/dispatchSignals.ts';
import { PostgresDispatchSignals } from '../dispatch/PostgresDispatchSignals.ts';
import { startAgentGateway } from '../dispatch/startAgentGateway.ts';
import { systemClock, type Clock } from '../scheduler/Clock.ts';
import { Scheduler, type SchedulerPass } from '../scheduler/Scheduler.ts';
import { AdvisoryLockLeadership, SoleLeadership } from '../scheduler/SchedulerLeadership.ts';
import { SecretBox } from '../secrets/SecretBox.ts';
import { sealMissingRepositoryKeys } from '../locations/sealMissingRepositoryKeys.ts';
import { bootstrapAdmin } from './bootstrapAdmin.ts';
import { createContext } from './createContext.ts';
import { jobKindHandlers } from './jobKindHandlers.ts';
import { ListenError } from './ListenError.ts';
import { secureDataDir } from './secureDataDir.ts';
import type { Logger } from '../logging/Logger.ts';
import { loadMasterKey } from './masterKey.ts';
import { createMetrics } from './metrics.ts';
import { publishCommittedUpdates } from './publishCommittedUpdates.ts';
import { jsonErrorHandler } from './jsonErrorHandler.ts';
import { routeUpgrades } from './routeUpgrades.ts';
import { defaultConsoleDir, serveConsole } from './serveConsole.ts';

export interface RunningHub {
  /** http://host:port of the listening server. */
  url: string;
  /** Runs a scheduler pass now (see `Scheduler.tick`); undefined when this replica does not lead. */
  runScheduler(): Promise<SchedulerPass | undefined>;
  /** The built-in admin token, present only on the start that made it (the first, or the first after a failed one). */
  adminToken: string | undefined;
  /** Stops taking requests, lets in-flight ones finish, closes the database. */
  stop(): Promise<void>;
}

/** The largest WebSocket frame the public API takes: as much as an HTTP request body. */
const maxPublicFrameBytes = 1024 * 1024;
/**
 * The largest frame on the agent link: a full inventory of a large cluster travels in one message; restore
 * items (500 per report) and outcomes (log of 256 KiB) are smaller.
 */
const maxAgentFrameBytes = 16 * 1024 * 1024;
/** A socket that has not sent connection_init by then is closed (graphql-ws close code 4408). */
const connectionInitWaitMs = 5_000;

/** Starts the hub: database and migrations, bootstrap, the GraphQL API over HTTP and WebSocket, health, metrics. */
export interface StartHubOptions {
  /** The scheduler's clock; tests move a fake one by hand. The system clock by default. */
  clock?: Clock;
  /** The built web console (`index.html` and `assets/`); `hub/console/dist` of this checkout by default. */
  consoleDir?: string;
  /**
   * Shows a newly made built-in admin token to the operator (`fleetback hub` prints it), once the hub listens
   * at `url`; the token's hash is stored only after this returns. Without it the token is only returned.
   */
  showAdminToken?: (token: string, url: string) => void;
}

export async function startHub(config: HubConfig, logger: Logger, options: StartHubOptions = {}): Promise<RunningHub> {
  // The data directory holds the SQLite database or, without a configured key, the generated master key.
  if (!config.databaseUrl || !config.masterKey) {
    secureDataDir(config.dataDir, config.databaseUrl ? undefined : defaultSqliteFile, logger);
  }
  const orm = await createOrm(config);
  const masterKey = loadMasterKey(config.masterKey, config.dataDir);
  if (masterKey.generated)
    logger.warn({ dataDir: config.dataDir }, 'generated a new master key in the data directory; back it up');
  const oidc = config.oidcIssuer
    ? new OidcVerifier({
        issuer: config.oidcIssuer,
        audience: config.oidcAudience as string,
        groupsClaim: config.oidcGroupsClaim,
        maxLifetimeSeconds: config.oidcMaxTokenLifetimeSeconds,
      })
    : undefined;
  const secrets = new SecretBox(masterKey.key);
  const keyed = await sealMissingRepositoryKeys(orm.em.fork(), secrets);
  if (keyed > 0) logger.info({ locations: keyed }, 'generated repository keys for backup locations older than them');
  // Replicas sharing PostgreSQL hear each other's signals; a lone SQLite hub needs only its own.
  const signals = config.databaseUrl
    ? await PostgresDispatchSignals.start(config.databaseUrl, logger)
    : new LocalDispatchSignals();
  // Updates behind public subscriptions come from what transactions commit and travel with the dispatch
  // signals, so on PostgreSQL they reach the subscribers of every replica; alone, the local channel hands
  // them straight back.
  publishCommittedUpdates(orm, signals, logger);
  signals.listen((signal) => {
    if (signal.type === 'updated') deliverUpdate(signal.topic, signal.id);
  });
  const signIn = {
    oidcIssuer: config.oidcIssuer,
    oidcAudience: config.oidcAudience,
    oidcConsoleClientId: config.oidcConsoleClientId,
    oidcConsoleScopes: config.oidcConsoleScopes,
  };
  const deps = {
    orm,
    oidc,
    adminGroups: config.adminGroups,
    adminTokenDisabled: config.disableAdminToken,
    secrets,
    signals,
    signIn,
    filesystemRoots: config.filesystemLocationRoots,
    jobKinds: jobKindHandlers,
    authFailures: new AuthFailureLimiter({
      maxFailures: config.authFailuresPerMinute,
      windowMs: 60_000,
      maxSources: 10_000,
    }),
    logger,
    subscriptionMaxLifetimeMs: config.subscriptionMaxLifetimeSeconds * 1000,
  };
  const schema = await buildHubSchema();
  // Decides which replica may run hub-wide periodic work (the scheduler); shown in /metrics.
  const leadership = config.databaseUrl
    ? new AdvisoryLockLeadership(config.databaseUrl, logger)
    : new SoleLeadership();
  const metrics = createMetrics(schema);
  leadership.onChange((leader) => metrics.schedulerLeader.set(leader ? 1 : 0));
  const scheduler = new Scheduler(
    {
      em: () => hubWideEm(orm),
      signals,
      clock: options.clock ?? systemClock,
      logger,
      failedBackupRetentionMs: config.failedBackupRetentionSeconds * 1000,
    },
    leadership,
    config.schedulerIntervalSeconds * 1000,
  );
  const leaseMs = config.jobLeaseSeconds * 1000;
  const dispatcher = new Dispatcher({
    orm,
    secrets,
    signals,
    logger,
    jobKinds: jobKindHandlers,
    leaseMs,
    sweepMs: Math.min(10_000, Math.round(leaseMs / 3)),
  });

  const app = express();
  // Nothing about the server's make and version is the client's business.
  app.disable('x-powered-by');
  const http = createServer(app);
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: maxPublicFrameBytes });
  const agentWsServer = new WebSocketServer({ noServer: true, maxPayload: maxAgentFrameBytes });
  routeUpgrades(http, {
    servers: new Map([
      ['/graphql', wsServer],
      [agentLinkPath, agentWsServer],
    ]),
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
  });
  const format = formatError({ error: (message, fields) => logger.error(fields, message) });
  const agentSchema = await buildAgentSchema();
  const agentCleanup = startAgentGateway(agentWsServer, {
    schema: agentSchema,
    dispatcher,
    logger,
    format,
    keepAliveMs: 12_000,
    connectionInitWaitMs,
    onSubscribe: admitOperation(agentSchema, agentLinkLimits),
  });
  const sourceOf = (request: { socket: { remoteAddress?: string } }) => request.socket.remoteAddress ?? 'unknown';
  const wsCleanup = useServer(
    {
      schema,
      connectionInitWaitTimeout: connectionInitWaitMs,
      // The same limits and error shapes as over HTTP: a subscription is no way around either.
      onSubscribe: admitOperation(schema, publicApiLimits),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        limitResponseSize(result.errors ? { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) } : result),
      context: (ctx) =>
        createContext(authorizationOf(ctx.connectionParams), deps, { source: sourceOf(ctx.extra.request), live: true }),
      onConnect: async (ctx) => {
        try {
          await createContext(authorizationOf(ctx.connectionParams), deps, { source: sourceOf(ctx.extra.request) });
          return true;
        } catch {
          return false;
        }
      },
    },
    wsServer,
  );
  const apollo = new ApolloServer<HubContext>({
    schema,
    formatError: format,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(publicApiLimits.maxDepth)],
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      metrics.plugin,
      operationLimitsPlugin(publicApiLimits),
      responseSizePlugin(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await dispatcher.stop();
              await agentCleanup.dispose();
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await orm.isConnected();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(req.headers.authorization, deps, {
          anonymous: isAnonymousOperation(req.body),
          source: sourceOf(req),
        }),
    }),
  );
  // Last: the web console and its client-side routes, for every path the API does not own.
  app.use(serveConsole({ directory: options.consoleDir ?? defaultConsoleDir(), oidcIssuer: config.oidcIssuer }));
  // Errors Express would answer with an HTML page (a malformed or oversized body, a missing asset).
  app.use(jsonErrorHandler(logger));

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    // Undo what started, in the order `stop` does; the port error is what the operator needs to see.
    for (const step of [() => apollo.stop(), () => scheduler.stop(), () => leadership.stop(), () => signals.close()]) {
      await step().catch(() => undefined);
    }
    await orm.close();
    throw new ListenError(config.host, config.port, error);
  }
  const { port } = http.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  logger.info(
    { url: `${url}/graphql`, database: dialectOf(config), oidc: Boolean(oidc) },
    'fleetback hub listening',
  );
  // Only now: a token made before the port was open could be stored and then lost to a failed start. A hub
  // that refuses the built-in token makes none: printing one that never works would only mislead.
  const adminToken = config.disableAdminToken
    ? undefined
    : await bootstrapAdmin(orm.em.fork(), (token) => options.showAdminToken?.(token, url));

  let stopping: Promise<void> | undefined;
  return {
    url,
    adminToken,
    runScheduler: () => scheduler.tick(),
    stop: () => {
      stopping ??= (async () => {
        await apollo.stop();
        await scheduler.stop();
        await leadership.stop();
        await signals.close();
        await orm.close();
      })();
      return stopping;
    },
  };
}

/** connection_init's `authorization`, when it is text; anything else counts as none. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization;
  return typeof value === 'string' ? value : undefined;
}
