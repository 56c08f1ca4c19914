import type { FormProblem } from './FormProblem.ts';

/** The problems found with one control, shown under it; `id` is what the control's aria-describedby names. */
export function FieldProblem({ id, problems }: { id: string; problems: readonly FormProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <p className="field-problem" id={id}>
      {problems.map((p) => p.message).join(' ')}
    </p>
  );
}

/** The problems of one control, by its key (see `restoreInputOf`). */
export function problemsOf(problems: readonly FormProblem[], field: string): FormProblem[] {
  return problems.filter((p) => p.field === field);
}
