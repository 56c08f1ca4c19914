import { useState } from 'react';

/** A form's values, changed a few fields at a time. */
export function useForm<T extends object>(initial: T | (() => T)) {
  const [form, setForm] = useState<T>(initial);
  const change = (patch: Partial<T>) => setForm((f) => ({ ...f, ...patch }));
  return { form, change, setForm };
}
