import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isAnonymousOperation } from '../auth/anonymousOperation.ts';
import { OidcVerifier } from '../auth/OidcVerifier.ts';
import type { HubConfig } from '../config/loadConfig.ts';
import { createOrm, defaultSqliteFile, dialectOf } from '../db/createOrm.ts';
import { hubWideEm } from '../db/hubWideEm.ts';
import { buildHubSchema } from '../graphql/buildHubSchema.ts';
import { deliverUpdate, relayUpdatesThrough } from '../graphql/hubPubSub.ts';
import { costLimit } from '../graphql/costLimit.ts';
import { depthLimit } from '../graphql/depthLimit.ts';
import { formatError } from '../graphql/formatError.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { agentLinkPath } from '../../../schema/agent/agentProtocol.ts';
import { buildAgentSchema } from '../dispatch/buildAgentSchema.ts';
import { Dispatcher } from '../dispatch/Dispatcher.ts';
import { LocalDispatchSignals } from '../dispatch/dispatchSignals.ts';
import { PostgresDispatchSignals } from '../dispatch/PostgresDispatchSignals.ts';
import { startAgentGateway } from '../dispatch/startAgentGateway.ts';
import { systemClock, type Clock } from '../scheduler/Clock.ts';
import { Scheduler, type SchedulerPass } from '../scheduler/Scheduler.ts';
import { AdvisoryLockLeadership, SoleLeadership } from '../scheduler/SchedulerLeadership.ts';
import { SecretBox } from '../secrets/SecretBox.ts';
import { bootstrapAdmin } from './bootstrapAdmin.ts';
import { createContext } from './createContext.ts';
import { ListenError } from './ListenError.ts';
import { secureDataDir } from './secureDataDir.ts';
import type { Logger } from './Logger.ts';
import { loadMasterKey } from './masterKey.ts';
import { createMetrics } from './metrics.ts';
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

export const maxQueryDepth = 12;
export const maxQueryCost = 20_000;

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
      })
    : undefined;
  const secrets = new SecretBox(masterKey.key);
  // Replicas sharing PostgreSQL hear each other's signals; a lone SQLite hub needs only its own.
  const signals = config.databaseUrl
    ? await PostgresDispatchSignals.start(config.databaseUrl, logger)
    : new LocalDispatchSignals();
  // Updates behind public subscriptions travel with the dispatch signals, so on PostgreSQL they reach the
  // subscribers of every replica; alone, the local channel hands them straight back.
  relayUpdatesThrough((topic, id) => signals.send({ type: 'updated', topic, id }));
  signals.listen((signal) => {
    if (signal.type === 'updated') deliverUpdate(signal.topic, signal.id);
  });
  const signIn = {
    oidcIssuer: config.oidcIssuer,
    oidcAudience: config.oidcAudience,
    oidcConsoleClientId: config.oidcConsoleClientId,
    oidcConsoleScopes: config.oidcConsoleScopes,
  };
  const deps = { orm, oidc, adminGroups: config.adminGroups, secrets, signals, signIn };
  const schema = await buildHubSchema();
  // Decides which replica may run hub-wide periodic work (the scheduler); shown in /metrics.
  const leadership = config.databaseUrl
    ? new AdvisoryLockLeadership(config.databaseUrl, logger)
    : new SoleLeadership();
  const metrics = createMetrics();
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
    leaseMs,
    sweepMs: Math.min(10_000, Math.round(leaseMs / 3)),
  });

  const app = express();
  const http = createServer(app);
  const wsServer = new WebSocketServer({ noServer: true });
  const agentWsServer = new WebSocketServer({ noServer: true });
  http.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://hub').pathname;
    const target = path === '/graphql' ? wsServer : path === agentLinkPath ? agentWsServer : undefined;
    if (!target) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request));
  });
  const format = formatError({ error: (message, fields) => logger.error(fields, message) });
  const agentCleanup = startAgentGateway(agentWsServer, {
    schema: await buildAgentSchema(),
    dispatcher,
    logger,
    format,
    keepAliveMs: 12_000,
  });
  const wsCleanup = useServer<{ authorization?: string }>(
    {
      schema,
      // The same limits and error shapes as over HTTP: a subscription is no way around either.
      validate: (s, document) => validate(s, document, [...specifiedRules, depthLimit(maxQueryDepth)]),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) } : undefined,
      context: (ctx) => createContext(ctx.connectionParams?.authorization, deps),
      onConnect: async (ctx) => {
        try {
          await createContext(ctx.connectionParams?.authorization, deps);
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
    validationRules: [depthLimit(maxQueryDepth)],
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      metrics.plugin,
      costLimit(maxQueryCost),
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
        createContext(req.headers.authorization, deps, { anonymous: isAnonymousOperation(req.body) }),
    }),
  );
  // Last: the web console and its client-side routes, for every path the API does not own.
  app.use(serveConsole({ directory: options.consoleDir ?? defaultConsoleDir(), oidcIssuer: config.oidcIssuer }));

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
    relayUpdatesThrough(undefined);
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
  // Only now: a token made before the port was open could be stored and then lost to a failed start.
  const adminToken = await bootstrapAdmin(orm.em.fork(), (token) => options.showAdminToken?.(token, url));

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
        relayUpdatesThrough(undefined);
        await signals.close();
        await orm.close();
      })();
      return stopping;
    },
  };
}
