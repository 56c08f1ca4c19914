/** The words of a dialog that asks before it does `verb` to one `noun`: "Revoke token", "The hub did not revoke the token". */
export function confirmWords(verb: string, noun: string) {
  return { confirm: `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${noun}`, failed: `The hub did not ${verb} the ${noun}` };
}
