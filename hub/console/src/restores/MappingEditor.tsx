import { useId } from 'react';
import { FieldProblem, problemsOf } from './FieldProblem.tsx';
import type { FormProblem } from './FormProblem.ts';
import { type MappingRow, mappingRow } from './MappingRow.ts';

export interface MappingEditorProps {
  /** The input's key, which prefixes the problems' keys: `namespaceMapping`. */
  field: string;
  /** "namespace", "storage class" */
  noun: string;
  rows: readonly MappingRow[];
  onChange: (rows: MappingRow[]) => void;
  problems: readonly FormProblem[];
  sourceSuggestions?: readonly string[];
  targetSuggestions?: readonly string[];
  /** Shown in an empty target field, saying what a blank means. */
  targetPlaceholder: string;
}

/** Rows of "source → target" names, one renaming each, with rows to add and remove. */
export function MappingEditor(props: MappingEditorProps) {
  const { field, noun, rows, onChange, problems, sourceSuggestions = [], targetSuggestions = [], targetPlaceholder } = props;
  const id = useId();
  const update = (index: number, change: Partial<MappingRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div className="mapping-editor">
      <datalist id={`${id}-sources`}>
        {sourceSuggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <datalist id={`${id}-targets`}>
        {targetSuggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <ol className="mapping-rows">
        {rows.map((row, i) => {
          const n = i + 1;
          const fromProblems = problemsOf(problems, `${field}.${i}.from`);
          const toProblems = problemsOf(problems, `${field}.${i}.to`);
          const problemId = `${id}-${row.key}-problem`;
          return (
            <li key={row.key} className="mapping-row">
              <input
                className="mapping-from"
                aria-label={`${capitalized(noun)} to rename, row ${n}`}
                value={row.from}
                onChange={(event) => update(i, { from: event.target.value })}
                list={`${id}-sources`}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={fromProblems.length > 0 || undefined}
                aria-describedby={fromProblems.length > 0 ? problemId : undefined}
              />
              <span aria-hidden="true" className="mapping-arrow">
                →
              </span>
              <input
                className="mapping-to"
                aria-label={row.from.trim() ? `New name for ${row.from.trim()}` : `New ${noun} name, row ${n}`}
                value={row.to}
                placeholder={targetPlaceholder}
                onChange={(event) => update(i, { to: event.target.value })}
                list={`${id}-targets`}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={toProblems.length > 0 || undefined}
                aria-describedby={toProblems.length > 0 ? problemId : undefined}
              />
              <button
                type="button"
                className="icon-button mapping-remove"
                aria-label={`Remove row ${n}`}
                onClick={() => onChange(rows.length > 1 ? rows.filter((_, j) => j !== i) : [mappingRow()])}
              >
                ×
              </button>
              <FieldProblem id={problemId} problems={[...fromProblems, ...toProblems]} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...rows, mappingRow()])}>
        Add a {noun} to rename
      </button>
    </div>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
