/** Something wrong with what was typed, found before asking the hub: which control, and what to fix. */
export interface FormProblem {
  /** The control's key, e.g. `targetClusterId` or `namespaceMapping.0.to`. */
  field: string;
  message: string;
}
