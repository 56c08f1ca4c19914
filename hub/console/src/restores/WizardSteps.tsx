const steps = ['Backup', 'Choices', 'Dry-run plan', 'Restore'] as const;

/** Where the wizard is: pick a backup, choose what and where, check the plan, run (on the restore's page). */
export function WizardSteps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <ol className="wizard-steps" aria-label="Restore steps">
      {steps.map((label, i) => {
        const n = i + 1;
        const state = n < current ? 'done' : n === current ? 'current' : 'todo';
        return (
          <li key={label} className={`wizard-step wizard-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="wizard-step-number" aria-hidden="true">
              {state === 'done' ? '✓' : n}
            </span>
            {label}
            {state === 'done' && <span className="visually-hidden"> (done)</span>}
          </li>
        );
      })}
    </ol>
  );
}
