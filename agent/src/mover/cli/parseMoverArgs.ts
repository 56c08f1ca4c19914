import { parseArgs } from 'node:util';
import { moverSettings } from './moverSettings.ts';
import { MoverUsageError } from './MoverUsageError.ts';

export type MoverCommand = 'init' | 'backup' | 'restore' | 'snapshots';

/** A command line of `fleetback mover`, checked: the command, its own flags, and the shared settings. */
export interface MoverArgs {
  command: MoverCommand;
  /** The snapshot of `restore`. */
  snapshot?: string;
  source?: string;
  parent?: string;
  tags: Record<string, string>;
  target?: string;
  paths: string[];
  locationFile: string;
  keyFile: string | undefined;
  concurrency: number;
}

const commandFlags: Record<MoverCommand, readonly string[]> = {
  init: [],
  backup: ['source', 'parent', 'tag'],
  restore: ['target', 'path'],
  snapshots: [],
};

/** Reads `argv` (after `mover`) and the `FLEETBACK_MOVER_*` variables; throws `MoverUsageError` saying what is wrong. */
export function parseMoverArgs(argv: string[], env: NodeJS.ProcessEnv): MoverArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new MoverUsageError((error as Error).message, { cause: error });
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (!command || !(command in commandFlags)) {
    throw new MoverUsageError(`unknown command '${command ?? ''}': use init, backup, restore or snapshots`);
  }
  const own = commandFlags[command as MoverCommand];
  for (const flag of Object.keys(commandFlags).flatMap((c) => commandFlags[c as MoverCommand])) {
    if (values[flag as keyof typeof values] !== undefined && !own.includes(flag)) throw new MoverUsageError(`--${flag} is not an option of mover ${command}`);
  }
  const expected = command === 'restore' ? 2 : 1;
  if (positionals.length !== expected) {
    throw new MoverUsageError(command === 'restore' ? 'mover restore takes one snapshot id' : `mover ${command} takes no arguments`);
  }
  const settings: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(moverSettings)) {
    const fromFlag = values[setting.flag as keyof typeof values] as string | undefined;
    const raw = fromFlag ?? env[setting.env];
    if (raw === undefined || raw === '') {
      settings[key] = setting.defaultValue;
      continue;
    }
    try {
      settings[key] = setting.parse(raw);
    } catch (error) {
      throw new MoverUsageError(`${fromFlag !== undefined ? `--${setting.flag}` : setting.env}: ${(error as Error).message}`);
    }
  }
  if (!settings.locationFile) throw new MoverUsageError('no location: give --location-file or set FLEETBACK_MOVER_LOCATION_FILE');
  if (command === 'backup' && !values.source) throw new MoverUsageError('mover backup needs --source DIR');
  if (command === 'restore' && !values.target) throw new MoverUsageError('mover restore needs --target DIR');
  return {
    command: command as MoverCommand,
    ...(command === 'restore' ? { snapshot: positionals[1] as string } : {}),
    ...(values.source ? { source: values.source } : {}),
    ...(values.parent ? { parent: values.parent } : {}),
    ...(values.target ? { target: values.target } : {}),
    tags: parseTags(values.tag ?? []),
    paths: values.path ?? [],
    locationFile: settings.locationFile as string,
    keyFile: settings.keyFile as string | undefined,
    concurrency: settings.concurrency as number,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...Object.fromEntries(Object.values(moverSettings).map((s) => [s.flag, { type: 'string' as const }])),
      source: { type: 'string' },
      parent: { type: 'string' },
      tag: { type: 'string', multiple: true },
      target: { type: 'string' },
      path: { type: 'string', multiple: true },
    },
  });
}

function parseTags(pairs: string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of pairs) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new MoverUsageError(`--tag ${pair}: a tag is key=value`);
    tags[pair.slice(0, cut)] = pair.slice(cut + 1);
  }
  return tags;
}
