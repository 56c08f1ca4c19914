import { startTestAgent, type TestAgent } from '../../../test/kit/startTestAgent.ts';
import { waitFor } from '../../../test/world/waitFor.ts';
import { peakRssMiB, rssMiB } from './processStats.ts';

export interface BenchAgentOptions {
  hubUrl: string;
  kubeconfigPath: string;
  logDir: string;
  /** Names the log file: `agent-<name>-<time>.log`. */
  name: string;
  /** A fresh agent enrolls with this and writes `credentialFile`; a restarted one reads it. */
  enrollmentToken?: string;
  /** Where the agent keeps its credential: in the benchmark's work directory, so the cleanup removes it. */
  credentialFile: string;
  /** Whether the hub shows the cluster Connected: the agent is up once it does. */
  connected(): Promise<boolean>;
}

/**
 * The real agent (`fleetback agent` from source) as its own process, for one phase of the benchmark: its
 * VmHWM is then that phase's peak. It logs at info level; debug lines for every item would be measured too.
 */
export class BenchAgent {
  private constructor(
    private readonly agent: TestAgent,
    private readonly connected: () => Promise<boolean>,
  ) {}

  /** Starts the agent and resolves once the hub shows its cluster Connected. */
  static async start(options: BenchAgentOptions): Promise<BenchAgent> {
    const agent = startTestAgent({
      hubUrl: options.hubUrl,
      kubeconfigPath: options.kubeconfigPath,
      logDir: options.logDir,
      name: options.name,
      enrollmentToken: options.enrollmentToken,
      credentialFile: options.credentialFile,
      env: { FLEETBACK_LOG_LEVEL: 'info' },
    });
    const started = new BenchAgent(agent, options.connected);
    try {
      await waitFor(() => options.connected(), {
        what: `agent ${options.name} to connect`,
        timeoutMs: 60_000,
        abortIf: () => started.assertRunning(),
      });
    } catch (error) {
      await agent.kill();
      throw error;
    }
    return started;
  }

  get pid(): number {
    return this.agent.process.pid as number;
  }

  rssMiB(): number {
    return rssMiB(this.pid);
  }

  peakRssMiB(): number {
    return peakRssMiB(this.pid);
  }

  /** Throws with the output's tail when the agent has exited. */
  assertRunning(): void {
    const { exitCode, signalCode } = this.agent.process;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`the agent exited (${exitCode ?? signalCode}):\n${this.outputTail()}`);
    }
  }

  outputTail(chars = 4000): string {
    return this.agent.output().slice(-chars);
  }

  /** SIGTERM, then waits for the exit and for the hub to show the cluster no longer Connected. */
  async stop(): Promise<void> {
    await this.agent.stop();
    await waitFor(async () => !(await this.connected()), { what: 'the hub to see the agent gone', timeoutMs: 60_000 });
  }

  kill(): Promise<number | null> {
    return this.agent.kill();
  }
}
