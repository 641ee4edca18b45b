import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';

/**
 * Headless Chromium from the `@sparticuz/chromium` dev dependency, so the browser test needs nothing
 * on the machine beyond what `npm ci` installs.
 *
 * The package inflates its Brotli archives into the temporary folder: the binary as `chromium`, its
 * SwiftShader libraries loose beside it, its fonts, and it reuses any `chromium` already there, of
 * whatever version, even one another run is still writing or a cleaner of /tmp has half removed. So a
 * child process inflates them into a staging folder of its own (through TMPDIR), which is then renamed,
 * at once, to a folder of node_modules/.cache named after the package's version: `npm ci` clears it.
 */
const entry = import.meta.resolve('@sparticuz/chromium');
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', entry)), 'utf8')) as {
  version: string;
};
const home = resolve(import.meta.dirname, `../../node_modules/.cache/sparticuz-chromium-${version}`);
const INFLATE = 'const { default: c } = await import(process.argv[1]); await c.executablePath();';

/**
 * Chromium reads no font of the machine's: only the package's Open Sans, so the screenshot looks the
 * same everywhere, a machine without fonts included.
 */
const fontConfig = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${home}/fonts</dir>
  <cachedir>${home}/fonts-cache</cachedir>
</fontconfig>
`;

/**
 * Playwright passes most of these already; they are spelled out because the test must not depend on
 * the network: no updates, sync, pings or background requests, nothing beyond the local API.
 */
const CLOSED_NETWORK = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-pings',
];

const inflate = async (): Promise<void> => {
  await mkdir(dirname(home), { recursive: true });
  const staging = await mkdtemp(`${home}.staging-`);
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', INFLATE, entry], {
      env: { ...process.env, TMPDIR: staging },
    });
    await writeFile(join(staging, 'fonts.conf'), fontConfig);
    await rename(staging, home);
  } catch (error) {
    // Another run may have renamed its folder first; that one is as good.
    if (!existsSync(home))
      throw new Error(`could not inflate @sparticuz/chromium ${version} into ${home}`, { cause: error });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
};

/** Launches the packaged Chromium, inflating it on the first run after an install (about 2 s). */
export const launchPackagedChromium = async (): Promise<Browser> => {
  const machine = `${process.platform}-${process.arch}`;
  if (machine !== 'linux-x64') throw new Error(`@sparticuz/chromium ships Chromium for linux-x64 only, not ${machine}`);
  if (!existsSync(home)) await inflate();
  return chromium.launch({
    executablePath: join(home, 'chromium'),
    args: ['--disable-gpu', ...CLOSED_NETWORK],
    env: { ...process.env, FONTCONFIG_FILE: join(home, 'fonts.conf') },
  });
};
