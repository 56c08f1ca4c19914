import type { JobProgressReport, LocationTarget } from '#schema/agent/JobPayload';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { openObjectStore } from '../storage/openObjectStore.ts';
import { type StallLimits, StallWatch } from '../storage/StallWatch.ts';
import { watchObjectStore } from '../storage/watchObjectStore.ts';
import type { JobContext } from './JobRunner.ts';

/** A job's location, watched for stalls, and the job's context whose progress shows the stall warning. */
export interface WatchedStore {
  store: ObjectStore;
  context: JobContext;
  /** Stops watching; call when the job ends. */
  close(): void;
}

/**
 * Opens the job's location behind a `StallWatch` with `limits`: while the location is silent past the warning
 * limit, each progress report (the last one, or an empty one, at once, then every later one) carries the
 * warning after its own message, until the location answers again; past the timeout its operations fail with `StoreStalledError`.
 */
export function openWatchedStore(location: LocationTarget, context: JobContext, limits: StallLimits): WatchedStore {
  const raw = openObjectStore(location);
  let last: JobProgressReport | undefined;
  let warning: string | undefined;
  const show = (report: JobProgressReport) =>
    context.progress(
      warning === undefined ? report : { ...report, message: report.message ? `${report.message} — warning: ${warning}` : `warning: ${warning}` },
    );
  const watch = new StallWatch({
    ...limits,
    where: raw.describe(),
    onWarning: (next) => {
      warning = next;
      // A job that has reported nothing yet (a catalog read stuck on its first listing) still shows it.
      show(last ?? { done: 0, total: 0, bytes: 0, message: null });
    },
  });
  const progress = (report: JobProgressReport) => {
    last = report;
    show(report);
  };
  return { store: watchObjectStore(raw, watch), context: { ...context, progress }, close: () => watch.close() };
}
