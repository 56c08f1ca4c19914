import { useId } from 'react';
import { CheckboxField } from '../ui/Field.tsx';
import type { ActionForm } from './ruleForm.ts';
import { TextField } from '../ui/TextField.tsx';
import { LinesField } from '../ui/LinesField.tsx';

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
  const modeName = useId();
  return (
    <fieldset className="fieldset nested">
      <legend>{legend}</legend>
      <div className="choice-group" role="radiogroup" aria-label={`${legend}: how to run`}>
        <label>
          <input
            type="radio"
            name={modeName}
            checked={action.mode === 'command'}
            onChange={() => change({ mode: 'command' })}
          />
          Shell command
        </label>
        <label>
          <input type="radio" name={modeName} checked={action.mode === 'argv'} onChange={() => change({ mode: 'argv' })} />
          Program and arguments (no shell)
        </label>
      </div>
      {action.mode === 'command' ? (
        <TextField
          label="Command"
          hint={<>Run by <code>/bin/sh -c</code>, so pipes and variables work.</>}
          className="mono"
          required
          value={action.command}
          onChange={(value) => change({ command: value })}
        />
      ) : (
        <LinesField
          label="Program and arguments"
          hint="One per line, the program first; for images without a shell."
          rows={3}
          required
          value={action.argv}
          onChange={(value) => change({ argv: value })}
        />
      )}
      <div className="form-row">
        <TextField
          label="Container"
          hint="Blank: the pod's first container."
          value={action.container}
          onChange={(value) => change({ container: value })}
        />
        <TextField
          label="Timeout (seconds)"
          hint="1 to 3600; blank: 60."
          type="number"
          min={1}
          max={3600}
          value={action.timeoutSeconds}
          onChange={(value) => change({ timeoutSeconds: value })}
        />
      </div>
      <CheckboxField
        label="Run in the background"
        hint="Start it and go on with the backup; it is stopped when the backup ends (e.g. a lock held open)."
        checked={action.background}
        onChange={(background) => change({ background })}
      />
      <CheckboxField
        label="Run in one matching pod only"
        hint="e.g. a database dump; otherwise it runs in each matching pod."
        checked={action.runInSinglePod}
        onChange={(runInSinglePod) => change({ runInSinglePod })}
      />
      <CheckboxField
        label="Continue the backup if it fails"
        checked={action.continueOnFailure}
        onChange={(continueOnFailure) => change({ continueOnFailure })}
      />
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
