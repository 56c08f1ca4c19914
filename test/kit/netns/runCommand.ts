import { execFile } from 'node:child_process';

export interface RunCommandOptions {
  /** Written to the command's stdin, which is then closed (e.g. an nft ruleset for `nft -f -`). */
  input?: string;
}

/**
 * Runs one command from an argument array (never through a shell) and resolves with its stdout; rejects with
 * the command line, exit code and stderr, so a failed setup step explains itself.
 */
export function runCommand(argv: readonly string[], options: RunCommandOptions = {}): Promise<string> {
  const [command, ...args] = argv;
  if (!command) throw new Error('runCommand: empty argv');
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException & { code?: unknown }).code;
        reject(new Error(`${argv.join(' ')} failed (${String(code ?? error.signal ?? 'error')}): ${stderr.trim() || error.message}`));
      } else {
        resolve(stdout);
      }
    });
    // Whatever the command does with stdin, an EPIPE from writing to it must not escape as an unhandled error.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}
