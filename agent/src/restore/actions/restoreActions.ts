import { controlledObjectAction } from './controlledObjectAction.ts';
import { jobAction } from './jobAction.ts';
import { lastAppliedConfigurationAction } from './lastAppliedConfigurationAction.ts';
import { ownerReferencesAction } from './ownerReferencesAction.ts';
import { persistentVolumeAction } from './persistentVolumeAction.ts';
import { persistentVolumeClaimAction } from './persistentVolumeClaimAction.ts';
import { podAction } from './podAction.ts';
import { appliesTo, type RestoreAction } from './RestoreAction.ts';
import { restoreLabelsAction } from './restoreLabelsAction.ts';
import { roleBindingAction } from './roleBindingAction.ts';
import { serviceAccountTokenAction } from './serviceAccountTokenAction.ts';
import { serviceAction } from './serviceAction.ts';

/** Every fix-up, in the order they run; a skip ends the chain. Labels come last. */
export const restoreActions: readonly RestoreAction[] = [
  serviceAccountTokenAction,
  controlledObjectAction,
  serviceAction,
  podAction,
  jobAction,
  persistentVolumeClaimAction,
  persistentVolumeAction,
  roleBindingAction,
  lastAppliedConfigurationAction,
  ownerReferencesAction,
  restoreLabelsAction,
];

/** The actions that run on an item of plan type `type`, in their order. */
export function actionsFor(type: string): readonly RestoreAction[] {
  return restoreActions.filter((action) => appliesTo(action, type));
}
