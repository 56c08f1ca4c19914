/** Ends an exhaustive switch in schema/ code, which may not import the hub's own `unreachable`. */
export function unreachable(value: never): never {
  throw new Error(`unreachable case: ${JSON.stringify(value)}`);
}
