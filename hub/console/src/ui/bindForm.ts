/** The keys of `T` that hold free text (not a union of chosen words), which a text control may set to anything. */
export type TextKeys<T> = { [K in keyof T]-?: string extends T[K] ? (T[K] extends string ? K : never) : never }[keyof T];

/** The keys of `T` that hold a yes or no. */
export type CheckKeys<T> = { [K in keyof T]-?: T[K] extends boolean ? K : never }[keyof T];

/** A form's values and how its controls change them. */
export interface FormBinding<T> {
  form: T;
  change: (patch: Partial<T>) => void;
  /** A text control's value and handler: `<TextField label="Name" {...text('name')} />`. */
  text: (key: TextKeys<T>) => { value: string; onChange: (value: string) => void };
  /** A checkbox's: `<CheckboxField label="Suspended" {...check('suspended')} />`. */
  check: (key: CheckKeys<T>) => { checked: boolean; onChange: (checked: boolean) => void };
}

/**
 * Binds controls to one key of a form each, so a field states only its label and rules. Works for a whole form
 * (`useForm`) and for one item of a list inside it (an action of a rule), given how that item changes.
 */
export function bindForm<T extends object>(form: T, change: (patch: Partial<T>) => void): FormBinding<T> {
  // The key types guarantee what each key holds; TypeScript cannot follow a generic key into `Partial<T>`.
  const set = (key: keyof T, value: string | boolean) => change({ [key]: value } as Partial<T>);
  return {
    form,
    change,
    text: (key) => ({ value: String(form[key]), onChange: (value) => set(key, value) }),
    check: (key) => ({ checked: form[key] === true, onChange: (checked) => set(key, checked) }),
  };
}
