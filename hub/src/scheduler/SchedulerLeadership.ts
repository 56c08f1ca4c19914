import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Logger } from '../logging/Logger.ts';

/** The advisory lock all replicas of one database contend for; an arbitrary constant ("FLEET"). */
export const schedulerLockKey = 0x464c454554;

/** Which replica runs the scheduler. */
export interface SchedulerLeadership {
  isLeader(): boolean;
  /** Calls `listener` now and whenever leadership changes. */
  onChange(listener: (leader: boolean) => void): void;
  stop(): Promise<void>;
}

/** A lone hub on SQLite is always the leader: nothing else can share its database. */
export class SoleLeadership implements SchedulerLeadership {
  isLeader(): boolean {
    return true;
  }

  onChange(listener: (leader: boolean) => void): void {
    listener(true);
  }

  async stop(): Promise<void> {}
}

/**
 * Leadership among replicas on PostgreSQL: the replica whose session holds a session-level advisory lock
 * leads. The lock lives as long as that connection, so a replica that dies (or loses its connection)
 * releases it, and another takes it on its next try; a leader that loses its connection steps down at once.
 */
export class AdvisoryLockLeadership implements SchedulerLeadership {
  #leader = false;
  #client: pg.Client | undefined;
  #stopped = false;
  readonly #listeners: ((leader: boolean) => void)[] = [];
  readonly #loop: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly retryMs = 5_000,
  ) {
    this.#loop = this.#run();
  }

  isLeader(): boolean {
    return this.#leader;
  }

  onChange(listener: (leader: boolean) => void): void {
    this.#listeners.push(listener);
    listener(this.#leader);
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      try {
        if (!this.#client) {
          const client = new pg.Client({ connectionString: this.url });
          client.on('error', (error) => {
            this.logger.warn({ err: error }, 'scheduler leadership connection failed');
            this.#drop(client);
          });
          await client.connect();
          this.#client = client;
        }
        if (this.#leader) {
          await this.#client.query('select 1');
        } else {
          const result = await this.#client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
            schedulerLockKey,
          ]);
          if (result.rows[0]?.locked) this.#set(true);
        }
      } catch (error) {
        if (this.#stopped) return;
        this.logger.warn({ err: error }, 'could not check scheduler leadership; retrying');
        if (this.#client) this.#drop(this.#client);
      }
      await sleep(this.retryMs);
    }
  }

  #drop(client: pg.Client): void {
    if (this.#client === client) this.#client = undefined;
    this.#set(false);
    void client.end().catch(() => {});
  }

  #set(leader: boolean): void {
    if (leader === this.#leader) return;
    this.#leader = leader;
    this.logger.info({ leader }, leader ? 'this replica now leads the scheduler' : 'this replica no longer leads the scheduler');
    for (const listener of this.#listeners) listener(leader);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const client = this.#client;
    this.#client = undefined;
    this.#set(false);
    await client?.end().catch(() => {});
    await Promise.race([this.#loop, sleep(this.retryMs + 1000)]);
  }
}
