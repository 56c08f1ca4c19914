import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

const running = new Set<ManagedProcess>();

// Peers must not outlive the test run, even when it crashes: kill whatever is left, synchronously.
process.once('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

export interface ManagedProcessOptions {
  /** A short name for logs and errors, e.g. `cluster-a/kube-apiserver`. */
  name: string;
  command: string;
  args: string[];
  /** Directory that receives `<name>.log` with the process's stdout and stderr. */
  logDir: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** A child process of the test world whose output is kept in a log file and which is always stopped. */
export class ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;

  constructor(options: ManagedProcessOptions) {
    this.name = options.name;
    this.logFile = join(options.logDir, `${options.name.replaceAll('/', '-')}.log`);
    const log = createWriteStream(this.logFile);
    log.write(`$ ${options.command} ${options.args.join(' ')}\n`);
    this.child = spawn(options.command, options.args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log, { end: false });
    this.child.stderr?.pipe(log, { end: false });
    running.add(this);
    this.exited = new Promise((resolve) => {
      const done = (code: number | null, signal: NodeJS.Signals | null) => {
        this.exit ??= { code, signal };
        running.delete(this);
        log.end();
        resolve();
      };
      this.child.once('exit', done);
      this.child.once('error', (error) => {
        log.write(`spawn failed: ${error.message}\n`);
        done(-1, null);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Throws with the log's tail when the process has exited; used as `abortIf` while waiting for readiness. */
  assertRunning(): void {
    if (this.exit) {
      throw new Error(
        `${this.name} exited (code ${this.exit.code}, signal ${this.exit.signal}); log ${this.logFile}:\n${this.logTail()}`,
      );
    }
  }

  /** The last `lines` lines of the log. */
  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.exit) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.exit) return;
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
