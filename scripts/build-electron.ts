import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

// Bundles the Electron main process and preload into dist-electron/*.cjs (package.json "main"
// points there). Bundling lets a sandboxed preload use our shared code at all, and keeps the
// packaged app down to the bundles plus the one native module.

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'dist-electron');

/** Native addons cannot be bundled; they are loaded from node_modules (unpacked from asar). */
export const NATIVE_MODULES = ['better-sqlite3'];

// A sandboxed preload gets a require() that knows only these (Electron's sandbox docs).
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // no newer than the Node inside Electron 45
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  // CJS has no import.meta; esbuild would quietly make it {}. Fail the build instead.
  logOverride: { 'empty-import-meta': 'error' },
};

// In the main bundle, sources that read import.meta get the bundle's own location: right for
// createRequire, wrong for paths relative to a source file, which is why main.ts passes the
// migrations folder to the till core explicitly. (The preload gets no such shim: a sandboxed
// preload has no __filename.)
const IMPORT_META_URL = '__unitillImportMetaUrl';
const importMetaShim: BuildOptions = {
  banner: { js: `const ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;` },
  define: {
    'import.meta.url': IMPORT_META_URL,
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
};

export const bundles: { options: BuildOptions; mayRequire: (path: string) => boolean }[] = [
  {
    options: {
      ...common,
      ...importMetaShim,
      entryPoints: [join(ROOT, 'electron/main.ts')],
      outfile: join(OUT_DIR, 'main.cjs'),
      external: ['electron', ...NATIVE_MODULES],
    },
    mayRequire: (path) =>
      path === 'electron' || NATIVE_MODULES.includes(path) || NODE_BUILTINS.has(path),
  },
  {
    options: {
      ...common,
      entryPoints: [join(ROOT, 'electron/preload.ts')],
      outfile: join(OUT_DIR, 'preload.cjs'),
      external: ['electron'],
    },
    // Anything else (a Node built-in pulled in through shared code, say) would build fine
    // and then fail only inside Electron, where nobody here can see it.
    mayRequire: (path) => SANDBOX_MODULES.has(path),
  },
];

/** Names of modules the bundles would require() at run time that they may not. */
export function forbiddenRequires(
  metafile: Metafile,
  mayRequire: (path: string) => boolean,
): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const entry of output.imports) {
      if (entry.external && !mayRequire(entry.path)) found.add(entry.path);
    }
  }
  return [...found].sort();
}

export async function buildElectron(): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  for (const bundle of bundles) {
    const result = await build(bundle.options);
    const forbidden = forbiddenRequires(
      result.metafile ?? { inputs: {}, outputs: {} },
      bundle.mayRequire,
    );
    if (forbidden.length > 0) {
      throw new Error(
        `${String(bundle.options.outfile)} would require ${forbidden.join(', ')} at run time`,
      );
    }
    console.log(`built ${String(bundle.options.outfile)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildElectron();
}
