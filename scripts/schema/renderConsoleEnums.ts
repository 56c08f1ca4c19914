import { buildSchema, GraphQLEnumType } from 'graphql';

/** The public API's enums the console types its data with, generated so that none is restated by hand. */
export const consoleEnums = ['JobKind', 'JobPhase', 'BackupLocationKind', 'CredentialKind'] as const;

/** Where the generated enums live in the checkout. */
export const consoleEnumsFile = 'hub/console/src/api/hubEnums.ts';

/**
 * The console's `hubEnums.ts`: one string-union type per enum of `consoleEnums`, read from the public API's
 * schema text (`schema/hub.graphql`), so the console follows the API (a job kind added to `jobKinds` in
 * `schema/agent/JobPayload.ts`, a storage provider or a credential kind registered in the hub reaches it through
 * `npm run schema:emit`, and the console's kind registries then refuse to compile without its descriptor). A
 * test fails when the file is stale.
 */
export function renderConsoleEnums(hubSdl: string): string {
  const schema = buildSchema(hubSdl);
  const types = consoleEnums.map((name) => {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLEnumType)) throw new Error(`schema/hub.graphql has no enum ${name}`);
    const values = type.getValues().map((value) => `'${value.value as string}'`);
    const doc = type.description ? `/** ${type.description.replace(/\s+/g, ' ')} */\n` : '';
    return `${doc}export type ${name} = ${values.join(' | ')};\n`;
  });
  return [
    '// Generated from schema/hub.graphql by `npm run schema:emit` (scripts/schema/renderConsoleEnums.ts). Do not edit.\n',
    ...types,
  ].join('\n');
}
