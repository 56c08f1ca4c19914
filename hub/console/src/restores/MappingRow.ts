/** One row of a mapping editor as typed: a source name and what it becomes; `key` keeps React's rows apart. */
export interface MappingRow {
  key: number;
  from: string;
  to: string;
}

let nextKey = 0;

/** A new row, with a key no other row of this page has. */
export function mappingRow(from = '', to = ''): MappingRow {
  nextKey += 1;
  return { key: nextKey, from, to };
}
