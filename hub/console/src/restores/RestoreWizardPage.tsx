import { useLocation } from '../router/useLocation.ts';
import { RestoreScreen } from './RestoreScreen.tsx';
import { BackupPicker } from './BackupPicker.tsx';
import { RestoreWizard } from './RestoreWizard.tsx';
import { WizardSteps } from './WizardSteps.tsx';
import './restoreWizard.css';

/**
 * The restore wizard, at `/restores/new`: `?backup=<id>` starts at that backup's choices (backups' pages link
 * here), `&from=<restore id>` fills them in from an earlier restore; without a backup it first asks for one.
 */
export function RestoreWizardPage() {
  const { search } = useLocation();
  const backupId = search.get('backup');
  const fromId = search.get('from');
  return (
    <RestoreScreen
      title="Restore a backup"
      description="Choose where to and what, check the dry run’s plan, then run it and follow it item by item."
    >
      {backupId ? (
        <RestoreWizard key={`${backupId}|${fromId}`} backupId={backupId} fromRestoreId={fromId} />
      ) : (
        <>
          <WizardSteps current={1} />
          <BackupPicker />
        </>
      )}
    </RestoreScreen>
  );
}
