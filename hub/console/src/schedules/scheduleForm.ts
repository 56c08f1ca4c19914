import { parseLines, parseWords } from '../access/listText.ts';
import type { CreateBackupScheduleInput } from './BackupSchedule.ts';

/** The create-schedule form as typed; lists as text, optional choices as '' for none. */
export interface ScheduleForm {
  name: string;
  clusterId: string;
  policyId: string;
  locationId: string;
  /** Namespaces or `*` patterns, separated by commas or spaces; blank takes all. */
  includeNamespaces: string;
  excludeNamespaces: string;
  /** Label selectors, one per line. */
  labelSelectors: string;
  preRuleId: string;
  postRuleId: string;
  namePrefix: string;
  volumes: boolean;
  suspended: boolean;
}

/** A fresh form, preselecting the only (or first) cluster, policy and location offered. */
export function emptyScheduleForm(first: { clusterId?: string; policyId?: string; locationId?: string } = {}): ScheduleForm {
  return {
    name: '',
    clusterId: first.clusterId ?? '',
    policyId: first.policyId ?? '',
    locationId: first.locationId ?? '',
    includeNamespaces: '',
    excludeNamespaces: '',
    labelSelectors: '',
    preRuleId: '',
    postRuleId: '',
    namePrefix: '',
    volumes: true,
    suspended: false,
  };
}

/** The `createBackupSchedule` input: lists parsed, blanks left out so the hub's defaults apply. */
export function scheduleInputFromForm(form: ScheduleForm): CreateBackupScheduleInput {
  const prefix = form.namePrefix.trim();
  return {
    clusterId: form.clusterId,
    name: form.name.trim(),
    policyId: form.policyId,
    suspended: form.suspended,
    template: {
      locationId: form.locationId,
      includeNamespaces: parseWords(form.includeNamespaces),
      excludeNamespaces: parseWords(form.excludeNamespaces),
      labelSelectors: parseLines(form.labelSelectors),
      volumes: form.volumes,
      ...(form.preRuleId ? { preRuleId: form.preRuleId } : {}),
      ...(form.postRuleId ? { postRuleId: form.postRuleId } : {}),
      ...(prefix ? { namePrefix: prefix } : {}),
    },
  };
}
