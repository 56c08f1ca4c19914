import type { Setting } from '#schema/settings/Setting';
import { wholeNumber } from '#schema/settings/settingParsers';

const path = (raw: string): string => raw;

/**
 * The settings every `fleetback mover` command reads, from `--flags` or `FLEETBACK_MOVER_*` variables. The
 * key-encryption key itself is read only from `FLEETBACK_MOVER_KEY` or the key file, never from a flag, so it
 * does not show in process listings.
 */
export const moverSettings = {
  locationFile: {
    env: 'FLEETBACK_MOVER_LOCATION_FILE',
    flag: 'location-file',
    description: "JSON file of the location (the agent's `LocationTarget`: kind, bucket or path, prefix, credential); required",
    defaultValue: undefined,
    parse: path,
  },
  keyFile: {
    env: 'FLEETBACK_MOVER_KEY_FILE',
    flag: 'key-file',
    description: "File holding the location's key-encryption key (32 bytes, base64); or set `FLEETBACK_MOVER_KEY`",
    defaultValue: undefined,
    parse: path,
  },
  concurrency: {
    env: 'FLEETBACK_MOVER_CONCURRENCY',
    flag: 'concurrency',
    description: 'Files read and uploaded, or downloaded and written, at once',
    defaultValue: 4,
    parse: wholeNumber(1, 64),
  },
} satisfies Record<string, Setting<unknown>>;
