import { useState } from 'react';
import { bindForm } from './bindForm.ts';

/** A form's values, changed a few fields at a time, with its controls' bindings (see `bindForm`). */
export function useForm<T extends object>(initial: T | (() => T)) {
  const [form, setForm] = useState<T>(initial);
  return { ...bindForm(form, (patch: Partial<T>) => setForm((f) => ({ ...f, ...patch }))), setForm };
}
