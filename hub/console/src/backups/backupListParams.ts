import type { BackupFilterInput } from './backupsQuery.ts';
import type { BackupPhase } from './BackupListItem.ts';
import { backupPhases } from './BackupListItem.ts';
import { parseLabelFilter } from './parseLabelFilter.ts';

/** The phase choice of the list: any, a group, or one phase. */
export type PhaseChoice = '' | 'inProgress' | 'problems' | BackupPhase;

/** How far back the list reaches by creation time. */
export type CreatedWithin = '' | '1h' | '24h' | '7d' | '30d';

const createdWithinMs: Record<Exclude<CreatedWithin, ''>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/** The backups list's filters as they live in the address (`/backups?cluster=…&phase=…`), so views can be linked. */
export interface BackupListParams {
  clusterId: string;
  phase: PhaseChoice;
  /** `key=value, …` as typed. */
  labels: string;
  createdWithin: CreatedWithin;
  /** Part of the name. */
  name: string;
  /** The cursor of the page shown; empty for the newest. */
  after: string;
  /** A backup just started from the application view, to point out. */
  started: string;
}

const phaseChoices: readonly string[] = ['', 'inProgress', 'problems', ...backupPhases];
const createdChoices: readonly string[] = ['', ...Object.keys(createdWithinMs)];

/** The params of an address's query string; unknown values fall back to "any". */
export function readBackupListParams(search: URLSearchParams): BackupListParams {
  const phase = search.get('phase') ?? '';
  const created = search.get('created') ?? '';
  return {
    clusterId: search.get('cluster') ?? '',
    phase: phaseChoices.includes(phase) ? (phase as PhaseChoice) : '',
    labels: search.get('labels') ?? '',
    createdWithin: createdChoices.includes(created) ? (created as CreatedWithin) : '',
    name: search.get('name') ?? '',
    after: search.get('after') ?? '',
    started: search.get('started') ?? '',
  };
}

/** The path of the list with these params; empty ones are left out. */
export function backupListPath(params: Partial<BackupListParams>): string {
  const search = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value) search.set(key, value);
  };
  set('cluster', params.clusterId);
  set('phase', params.phase);
  set('labels', params.labels?.trim());
  set('created', params.createdWithin);
  set('name', params.name?.trim());
  set('after', params.after);
  set('started', params.started);
  const query = search.toString();
  return query ? `/backups?${query}` : '/backups';
}

/** The phases a choice stands for; undefined for any. */
export function phasesOf(choice: PhaseChoice): BackupPhase[] | undefined {
  switch (choice) {
    case '':
      return undefined;
    case 'inProgress':
      return ['Pending', 'Running', 'Deleting'];
    case 'problems':
      return ['PartiallyFailed', 'Failed'];
    default:
      return [choice];
  }
}

export type BackupFilterResult = { ok: true; filter: BackupFilterInput } | { ok: false; error: string };

/**
 * The API filter for the params, in the chosen tenant (null: all). "Created within" counts back from `now`,
 * which the caller fixes when the filters change, so the query stays the same between renders.
 */
export function toBackupFilter(params: BackupListParams, tenantId: string | null, now: number): BackupFilterResult {
  const labels = parseLabelFilter(params.labels);
  if (!labels.ok) return { ok: false, error: `Labels: ${labels.error}` };
  const filter: BackupFilterInput = { tenantId };
  if (params.clusterId) filter.clusterId = params.clusterId;
  const phases = phasesOf(params.phase);
  if (phases) filter.phases = phases;
  if (labels.labels.length) filter.labels = labels.labels;
  if (params.name.trim()) filter.nameContains = params.name.trim();
  if (params.createdWithin) filter.createdAfter = new Date(now - createdWithinMs[params.createdWithin]).toISOString();
  return { ok: true, filter };
}
