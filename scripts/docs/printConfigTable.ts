import { renderConfigTable } from '../../hub/src/config/renderConfigTable.ts';

/** Prints the README's configuration table; paste it between the config markers after changing a setting. */
console.log(renderConfigTable());
