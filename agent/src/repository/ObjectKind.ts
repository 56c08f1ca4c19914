/**
 * The kinds of sealed repository objects and the byte that marks each in an object's header. Each kind is
 * encrypted under its own derived key, so an object of one kind never opens as another. Part of repository
 * v1: a byte once given is never reused.
 */
export const objectKinds = { pack: 1, index: 2, snapshot: 3, packHeader: 4, config: 5 } as const;

export type ObjectKind = keyof typeof objectKinds;

/** The kind a header byte names, or undefined for a byte no kind has. */
export function objectKindOf(byte: number): ObjectKind | undefined {
  return (Object.keys(objectKinds) as ObjectKind[]).find((kind) => objectKinds[kind] === byte);
}
