import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMemberStates, dataModuleUrl, renderMemberStatesModule } from './member-states-source.ts';

// `npm run gen:states`: regenerates the committed member-state data after a package update.
const states = buildMemberStates();
writeFileSync(dataModuleUrl, renderMemberStatesModule(states));
console.log(`Wrote ${states.length} member states to ${fileURLToPath(dataModuleUrl)}`);
