const MiB = 1024 ** 2;

/** The shape of the benchmark corpus; `full` is the (about 4 GiB), the default a quarter of it. */
export interface CorpusPlan {
  name: string;
  textBytes: number;
  randomBytes: number;
  /** The database-like file: pages of `pageBytes`. */
  dbPages: number;
  pageBytes: number;
  smallFiles: number;
  /** Small files per directory. */
  filesPerDir: number;
}

const pageBytes = 8192;

/** The corpus at `scale` of the size (1 = full). */
export function corpusPlan(scale: number): CorpusPlan {
  return {
    name: scale === 1 ? 'full' : `${scale} of full`,
    textBytes: Math.round(1280 * MiB * scale),
    randomBytes: Math.round(1280 * MiB * scale),
    dbPages: Math.round(((1024 * MiB) / pageBytes) * scale),
    pageBytes,
    smallFiles: Math.round(100_000 * scale),
    filesPerDir: 400,
  };
}

/** The plan chosen by FLEETBACK_BENCH_CORPUS: `full`, or a fraction of it; 0.25 (about 1 GiB) by default. */
export function corpusPlanFromEnv(value: string | undefined): CorpusPlan {
  if (value === 'full') return corpusPlan(1);
  const scale = value === undefined || value === '' ? 0.25 : Number(value);
  if (!(scale > 0 && scale <= 1)) throw new Error(`FLEETBACK_BENCH_CORPUS: expected "full" or a fraction in (0, 1], got "${value}"`);
  return corpusPlan(scale);
}
