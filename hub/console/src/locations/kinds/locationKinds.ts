import type { BackupLocationKind } from '../../api/hubEnums.ts';
import { kindLabels } from '../../ui/kindLabels.ts';
import type { LocationKindView } from '../LocationKindView.ts';
import { azure } from './azure.tsx';
import { filesystem } from './filesystem.tsx';
import { gcs } from './gcs.tsx';
import { s3 } from './s3.tsx';

const views = { s3, azure, gcs, filesystem };

/** Each kind's block of `CreateBackupLocationInput`. */
export type LocationInputBlocks = { [K in BackupLocationKind]: ReturnType<(typeof views)[K]['input']> };

/**
 * The console's view of every location kind the API has (`BackupLocationKind` is generated from it): the
 * compiler refuses a kind without one. Typed per key so that a kind's input is its own block.
 */
export const locationKinds: { [K in BackupLocationKind]: LocationKindView<LocationInputBlocks[K]> } = views;

export const locationKindLabels = kindLabels(locationKinds);
