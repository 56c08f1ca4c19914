import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface HubProcessOptions {
  port: number;
  dataDir: string;
  /** Extra FLEETBACK_* settings. */
  env?: NodeJS.ProcessEnv;
}

/** The CPU time a process has used so far, from /proc/<pid>/stat (user + system, in seconds). */
export function cpuSeconds(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 12th and 13th of those.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A free TCP port on 127.0.0.1, so that a restarted hub can listen where its agents dial. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/**
 * `fleetback hub` from source as a child process: node with tsx's loader rather than the tsx CLI, so that
 * the pid is the hub's own (signals reach it, /proc/<pid>/status is its memory). Logs at warn level or
 * above are tallied by message, so a run can say what went wrong inside the hub.
 */
export class HubProcess {
  readonly url: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<number | null>;
  #stdout = '';
  #adminToken: string | undefined;
  #exitCode: number | null | undefined;
  /** Warn and error log lines by message. */
  readonly complaints = new Map<string, number>();

  private constructor(options: HubProcessOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.#child = spawn(process.execPath, ['--import', 'tsx', 'test/kit/runHubMain.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        FLEETBACK_HOST: '127.0.0.1',
        FLEETBACK_PORT: String(options.port),
        FLEETBACK_DATA_DIR: options.dataDir,
        FLEETBACK_LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    const onData = (data: Buffer) => {
      const text = partial + data.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.#onLine(line);
    };
    this.#child.stdout?.on('data', onData);
    this.#child.stderr?.on('data', onData);
    this.#exited = new Promise((resolve) =>
      this.#child.once('exit', (code, signal) => {
        this.#exitCode = code ?? (signal ? -1 : null);
        resolve(this.#exitCode);
      }),
    );
  }

  /** Starts the hub and resolves once /healthz answers; `readyAt` is that moment (performance.now()). */
  static async start(options: HubProcessOptions): Promise<{ hub: HubProcess; readyAt: number }> {
    const hub = new HubProcess(options);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (hub.#exitCode !== undefined) throw new Error(`the hub exited (${hub.#exitCode}):\n${hub.#stdout.slice(-4000)}`);
      if (Date.now() > deadline) {
        hub.kill();
        throw new Error(`the hub did not become healthy:\n${hub.#stdout.slice(-4000)}`);
      }
      try {
        const response = await fetch(`${hub.url}/healthz`);
        if (response.ok) return { hub, readyAt: performance.now() };
      } catch {
        // Not listening yet.
      }
      // Short polls: the restart's ready time is the zero of the reconnect-storm clock.
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  get pid(): number {
    return this.#child.pid as number;
  }

  /** The admin token the hub prints on its first start; waits briefly, as stdout may trail /healthz. */
  async adminToken(): Promise<string> {
    for (let i = 0; i < 200; i++) {
      if (this.#adminToken) return this.#adminToken;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the hub printed no admin token:\n${this.#stdout.slice(-4000)}`);
  }

  /** Resident memory of the hub process, in KiB (VmRSS). */
  rssKiB(): number {
    const match = readFileSync(`/proc/${this.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    if (!match) throw new Error('no VmRSS in /proc status');
    return Number(match[1]);
  }

  /** Process metrics the hub exports on /metrics (prom-client defaults), by name without the prefix. */
  async metrics(): Promise<Record<string, number>> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const values: Record<string, number> = {};
    for (const match of text.matchAll(/^fleetback_hub_(\w+) ([\d.e+-]+)$/gm)) {
      values[match[1] as string] = Number(match[2]);
    }
    return values;
  }

  /** SIGTERM, then waits for the exit; SIGKILL after `timeoutMs`. Resolves with the exit code. */
  async stop(timeoutMs = 60_000): Promise<number | null> {
    if (this.#exitCode !== undefined) return this.#exitCode;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs);
    const code = await this.#exited;
    clearTimeout(timer);
    return code;
  }

  /** For cleanup after a failure: no drain, no wait. */
  kill(): void {
    if (this.#exitCode === undefined) this.#child.kill('SIGKILL');
  }

  #onLine(line: string): void {
    this.#stdout = (this.#stdout + line + '\n').slice(-20_000);
    this.#adminToken ??= line.match(/fbk_admin_[A-Za-z0-9_-]+/)?.[0];
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 40) {
        const key = `${entry.level === 40 ? 'warn' : 'error'}: ${entry.msg ?? '?'}`;
        this.complaints.set(key, (this.complaints.get(key) ?? 0) + 1);
      }
    } catch {
      // Not a log line.
    }
  }
}
