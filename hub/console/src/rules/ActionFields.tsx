import { bindForm } from '../ui/bindForm.ts';
import { CheckboxField } from '../ui/Field.tsx';
import { LinesField } from '../ui/LinesField.tsx';
import { RadioChoices } from '../ui/RadioChoices.tsx';
import { TextField } from '../ui/TextField.tsx';
import type { ActionForm } from './ruleForm.ts';

const modeLabels: Record<ActionForm['mode'], string> = { command: 'Shell command', argv: 'Program and arguments (no shell)' };

export interface ActionFieldsProps {
  /** "Action 2 of sub-rule 1", the fieldset's legend. */
  legend: string;
  action: ActionForm;
  change: (patch: Partial<ActionForm>) => void;
  /** Absent for the last action left (a sub-rule needs one). */
  onRemove?: () => void;
}

/** One action of a sub-rule: a shell line or a program with arguments, and how it runs. */
export function ActionFields({ legend, action, change, onRemove }: ActionFieldsProps) {
  const { text, check } = bindForm(action, change);
  return (
    <fieldset className="fieldset nested">
      <legend>{legend}</legend>
      <RadioChoices label={`${legend}: how to run`} options={modeLabels} value={action.mode} onChange={(mode) => change({ mode })} />
      {action.mode === 'command' ? (
        <TextField
          label="Command"
          hint={<>Run by <code>/bin/sh -c</code>, so pipes and variables work.</>}
          className="mono"
          required
          {...text('command')}
        />
      ) : (
        <LinesField label="Program and arguments" hint="One per line, the program first; for images without a shell." rows={3} required {...text('argv')} />
      )}
      <div className="form-row">
        <TextField label="Container" hint="Blank: the pod's first container." {...text('container')} />
        <TextField label="Timeout (seconds)" hint="1 to 3600; blank: 60." type="number" min={1} max={3600} {...text('timeoutSeconds')} />
      </div>
      <CheckboxField
        label="Run in the background"
        hint="Start it and go on with the backup; it is stopped when the backup ends (e.g. a lock held open)."
        {...check('background')}
      />
      <CheckboxField label="Run in one matching pod only" hint="e.g. a database dump; otherwise it runs in each matching pod." {...check('runInSinglePod')} />
      <CheckboxField label="Continue the backup if it fails" {...check('continueOnFailure')} />
      {onRemove && (
        <div className="fieldset-actions">
          <button type="button" className="small danger" onClick={onRemove}>
            Remove {legend.toLowerCase()}
          </button>
        </div>
      )}
    </fieldset>
  );
}
