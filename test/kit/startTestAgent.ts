import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../world/peerBinary.ts';

export interface TestAgent {
  process: ChildProcess;
  /** The agent's credential file. */
  credentialFile: string;
  /** Everything the agent wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: the agent vanishes mid-whatever, as a crashed pod would. */
  kill(): Promise<number | null>;
}

export interface StartTestAgentOptions {
  hubUrl: string;
  kubeconfigPath: string;
  logDir: string;
  name: string;
  enrollmentToken?: string;
  /** Reuse another agent's credential file (a restarted agent). */
  credentialFile?: string;
  env?: NodeJS.ProcessEnv;
  /** Run the agent through this wrapper command (e.g. `ip netns exec ns`), as argv. */
  wrapper?: string[];
}

/** Runs `fleetback agent` from source as its own process, with its log in the world's log directory. */
export function startTestAgent(options: StartTestAgentOptions): TestAgent {
  const credentialFile = options.credentialFile ?? join(mkdtempSync(join(tmpdir(), 'fleetback-agent-')), 'credential');
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a child that SIGKILL would orphan.
  const command = [process.execPath, '--import', 'tsx', join(repoRoot, 'test/kit/runAgentMain.ts')];
  const argv = [...(options.wrapper ?? []), ...command];
  const child = spawn(argv[0] as string, argv.slice(1), {
    cwd: repoRoot,
    env: {
      ...process.env,
      FLEETBACK_HUB_URL: options.hubUrl,
      FLEETBACK_KUBECONFIG: options.kubeconfigPath,
      FLEETBACK_CREDENTIAL_FILE: credentialFile,
      FLEETBACK_LOG_LEVEL: 'debug',
      ...(options.enrollmentToken ? { FLEETBACK_ENROLLMENT_TOKEN: options.enrollmentToken } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(options.logDir, `agent-${options.name}-${Date.now()}.log`));
  let text = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      log.write(chunk);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      log.end();
      resolve(code);
    });
  });
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    process: child,
    credentialFile,
    output: () => text,
    exited,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
  };
}
