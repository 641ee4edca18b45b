import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapDataModuleUrl, renderWorldMapModule } from './world-map-source.ts';

// `npm run gen:map`: regenerates the committed world-map data after a world-atlas update.
writeFileSync(mapDataModuleUrl, renderWorldMapModule());
console.log(`Wrote ${fileURLToPath(mapDataModuleUrl)}`);
