import { parseArgs } from 'node:util';

/** How big a `resources` benchmark run is; every field has a default, so a bare run is the full 10,000. */
export interface ResourcesBenchOptions {
  /** Objects seeded and backed up, Namespaces and the CRD not counted. Default 10,000. */
  objects: number;
  /** Namespaces they are spread over, round-robin. Default 100. */
  namespaces: number;
  /** The share of `objects` that are custom objects of the benchmark's CRD; the rest are half ConfigMaps, half Secrets. */
  customShare: number;
  /** Create requests in flight while seeding. */
  seedConcurrency: number;
}

/** How many objects of each kind a run seeds. */
export interface ObjectMix {
  configMaps: number;
  secrets: number;
  custom: number;
}

/**
 * Reads the run's size from argv (`--objects 500 --namespaces 10 --custom-share 0.1 --seed-concurrency 32`),
 * falling back to FLEETBACK_BENCH_OBJECTS, FLEETBACK_BENCH_NAMESPACES, FLEETBACK_BENCH_CUSTOM_SHARE and
 * FLEETBACK_BENCH_SEED_CONCURRENCY, then to the defaults. Throws on a value that is not a sensible number.
 */
export function parseResourcesBenchOptions(argv: string[], env: NodeJS.ProcessEnv): ResourcesBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      objects: { type: 'string' },
      namespaces: { type: 'string' },
      'custom-share': { type: 'string' },
      'seed-concurrency': { type: 'string' },
    },
    strict: true,
  });
  const options: ResourcesBenchOptions = {
    objects: whole('objects', values.objects ?? env.FLEETBACK_BENCH_OBJECTS, 10_000, 1),
    namespaces: whole('namespaces', values.namespaces ?? env.FLEETBACK_BENCH_NAMESPACES, 100, 1),
    customShare: fraction('custom-share', values['custom-share'] ?? env.FLEETBACK_BENCH_CUSTOM_SHARE, 0.1),
    seedConcurrency: whole('seed-concurrency', values['seed-concurrency'] ?? env.FLEETBACK_BENCH_SEED_CONCURRENCY, 32, 1),
  };
  if (options.namespaces > 9_999) throw new Error('--namespaces: at most 9999');
  return options;
}

/** Splits `objects` into custom objects (`customShare`, rounded) and ConfigMaps and Secrets, half each. */
export function objectMixOf(options: ResourcesBenchOptions): ObjectMix {
  const custom = Math.round(options.objects * options.customShare);
  const rest = options.objects - custom;
  return { configMaps: Math.ceil(rest / 2), secrets: Math.floor(rest / 2), custom };
}

function whole(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: must be a whole number of at least ${min}, not '${text}'`);
  return n;
}

function fraction(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--${name}: must be a number from 0 to 1, not '${text}'`);
  return n;
}
