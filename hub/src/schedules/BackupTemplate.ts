import { type BackupSpec, parseBackupSpec } from '#schema/contracts/BackupSpec';
import { parseSpecInput } from '../backups/parseSpecInput.ts';
import { labelsFromList } from '../graphql/Label.ts';
import { validateLabels, validateName } from '../graphql/validateName.ts';
import type { BackupTemplateInput } from './BackupScheduleInputs.ts';

/**
 * What each run of a schedule backs up: a backup spec without its cluster (the schedule's) and its TTL (the
 * policy's expiry), plus the prefix of the generated backup names.
 */
export interface BackupTemplate extends Omit<BackupSpec, 'clusterId' | 'ttlSeconds'> {
  /** Backups are named `<prefix>-<UTC timestamp>`; null means the schedule's name. */
  namePrefix: string | null;
}

/** Room for the `-20261123-143005-123` timestamp a run appends, inside a 63-character DNS label. */
const maxNamePrefixLength = 43;

/** Validates a template from GraphQL input for a schedule of `clusterId`, naming bad fields under `field`. */
export function parseBackupTemplate(
  input: BackupTemplateInput,
  clusterId: string,
  field: string,
): BackupTemplate {
  const labels = validateLabels(`${field}.labels`, labelsFromList(input.labels));
  const namePrefix =
    input.namePrefix == null
      ? null
      : validateName(`${field}.namePrefix`, input.namePrefix, maxNamePrefixLength);
  const {
    clusterId: _clusterId,
    ttlSeconds: _ttlSeconds,
    ...spec
  } = parseSpecInput(field, () =>
    parseBackupSpec({
      clusterId,
      locationId: input.locationId,
      includeNamespaces: input.includeNamespaces,
      excludeNamespaces: input.excludeNamespaces,
      labelSelectors: input.labelSelectors,
      includeResources: input.includeResources,
      excludeResources: input.excludeResources,
      clusterScoped: input.clusterScoped,
      volumes: input.volumes,
      preRuleId: input.preRuleId,
      postRuleId: input.postRuleId,
      labels,
    }),
  );
  return { ...spec, namePrefix };
}
