/**
 * The words of a form that creates one `noun` or edits `editing`: "New rule" / "Edit rule nightly", "Create rule"
 * / "Save rule", and "The hub did not create (save) the rule". `create` is the verb for a new one ("store").
 */
export function editorWords(noun: string, editing: { name: string } | undefined, options: { create?: string; newTitle?: string } = {}) {
  const verb = options.create ?? 'create';
  return editing
    ? { title: `Edit ${noun} ${editing.name}`, failed: `The hub did not save the ${noun}`, submit: `Save ${noun}`, busy: 'Saving…' }
    : {
        title: options.newTitle ?? `New ${noun}`,
        failed: `The hub did not ${verb} the ${noun}`,
        submit: `${verb[0]?.toUpperCase()}${verb.slice(1)} ${noun}`,
        busy: 'Saving…',
      };
}
