import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import WebSocket from 'ws';
import { HubLink } from '../../../agent/src/link/HubLink.ts';

export interface ReconnectStormOptions {
  hubUrl: string;
  credentials: readonly string[];
  /** How many clusters the hub shows Connected (its own view, through the public API). */
  connectedOnHub(): Promise<number>;
  /** SIGTERMs the hub and resolves when it has exited. */
  stopHub(): Promise<void>;
  /** Starts the hub again on the same port and data directory; resolves with when /healthz first answered. */
  startHub(): Promise<number>;
  log(message: string): void;
}

export interface ReconnectStormResult {
  /** From the restarted hub answering /healthz to the last agent reconnected. */
  seconds: number;
  connectedAt5s: number;
  connectedAt10s: number;
  /** Median agent's reconnection, after the restarted hub answered. */
  p50Seconds: number;
  /** onConnected calls after the restart; more than the agent count means some connections flapped. */
  connectEventsAfterRestart: number;
  /** All links started at once against the running hub: until every one was connected. */
  initialConnectSeconds: number;
  /** SIGTERM to exit of the hub with every agent connected (its drain). */
  hubStopSeconds: number;
  /** From SIGTERM to the restarted hub answering: the outage the agents back off through. */
  outageSeconds: number;
  /**
   * Clusters the restarted hub showed Connected the moment it answered, beside how many links were really
   * back then: a gap is status left over from before the restart.
   */
  shownConnectedAtRestart: { shown: number; reallyBack: number };
  /** Links the hub refused for good (should be none). */
  fatal: number;
}

async function until(what: string, timeoutMs: number, done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Restarts the hub under a connected fleet of real agent links (agent/src/link/HubLink: the agent's own
 * backoff and jitter) and times how long the fleet takes to return. Each link subscribes to `jobs` as the
 * agent does, so a reconnection costs the hub what a real one does.
 */
export async function reconnectStorm(options: ReconnectStormOptions): Promise<ReconnectStormResult> {
  const count = options.credentials.length;
  const logger = pino({ level: 'silent' });
  // Per link: when it last connected (performance.now()); 0 until then.
  const lastConnectedAt = new Float64Array(count);
  let connectEvents = 0;
  let fatal = 0;
  const links: HubLink[] = [];
  try {
    const start = performance.now();
    for (const [i, credential] of options.credentials.entries()) {
      const link = new HubLink({
        hubUrl: new URL(options.hubUrl),
        agentVersion: 'fleet-bench',
        credential: () => credential,
        webSocketImpl: WebSocket,
        logger,
        onConnected: () => {
          lastConnectedAt[i] = performance.now();
          connectEvents++;
        },
        onFatal: () => fatal++,
      });
      link.subscribe('subscription { jobs { type jobId } }', () => {});
      links.push(link);
    }
    await until('every link to connect', 300_000, () => lastConnectedAt.every((t) => t > 0));
    const initialConnectSeconds = (performance.now() - start) / 1000;
    options.log(`${count} links connected in ${initialConnectSeconds.toFixed(1)} s; waiting for the hub to show them`);
    await until('the hub to show every cluster connected', 120_000, async () => (await options.connectedOnHub()) === count);

    const killedAt = performance.now();
    await options.stopHub();
    const stoppedAt = performance.now();
    options.log(`hub stopped in ${((stoppedAt - killedAt) / 1000).toFixed(1)} s; restarting`);
    const eventsBefore = connectEvents;
    const readyAt = await options.startHub();
    const reallyBack = lastConnectedAt.filter((t) => t > stoppedAt).length;
    const shown = await options.connectedOnHub();
    await until('every link to reconnect', 300_000, () => lastConnectedAt.every((t) => t > stoppedAt));
    const after = [...lastConnectedAt].map((t) => (t - readyAt) / 1000).sort((a, b) => a - b);
    const within = (s: number) => after.filter((t) => t <= s).length;
    return {
      seconds: Math.max(0, after[after.length - 1] ?? 0),
      connectedAt5s: within(5),
      connectedAt10s: within(10),
      p50Seconds: after[Math.floor((after.length - 1) / 2)] ?? 0,
      connectEventsAfterRestart: connectEvents - eventsBefore,
      initialConnectSeconds,
      hubStopSeconds: (stoppedAt - killedAt) / 1000,
      outageSeconds: (readyAt - killedAt) / 1000,
      shownConnectedAtRestart: { shown, reallyBack },
      fatal,
    };
  } finally {
    for (const link of links) link.close();
  }
}
