import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildStateNameIndex, renderStateNamesModule, stateNamesModuleUrl } from './state-names-source.ts';

// `npm run gen:state-names`: regenerates the committed index of the names titles give states.
const index = buildStateNameIndex();
writeFileSync(stateNamesModuleUrl, renderStateNamesModule(index));
console.log(`Wrote ${Object.keys(index).length} state names to ${fileURLToPath(stateNamesModuleUrl)}`);
