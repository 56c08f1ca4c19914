import type { PeriodicSchedule, PeriodUnit } from '#schema/contracts/SchedulePolicySpec';

const msPer: Record<PeriodUnit, number> = { minutes: 60_000, hours: 3_600_000 };

/**
 * The run times of a periodic schedule strictly after `after`, ascending: the whole multiples of its period
 * since 1970-01-01T00:00Z. Time zones play no part, so daylight saving neither skips nor repeats a run.
 */
export function* periodicRuns({ every, unit }: PeriodicSchedule, after: Date): Generator<Date, void> {
  const period = every * msPer[unit];
  for (let at = (Math.floor(after.getTime() / period) + 1) * period; ; at += period) yield new Date(at);
}
