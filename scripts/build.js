#!/usr/bin/env node
/**
 * `npm run build`: bundles src/server.ts into dist/server.js with esbuild, so
 * that `npm start` runs plain node instead of compiling TypeScript through
 * tsx on every start. `--if-stale` (the prestart step) builds only when
 * dist/server.js is missing, or older than any file it was built from or than
 * this script (the inputs are read back from dist/meta.json).
 *
 * Plain JavaScript on purpose: the start path must not load a TypeScript loader.
 *
 * What the bundle keeps:
 *  - `__dirname` means the source file's folder, as under tsx: each module's
 *    `__dirname` becomes dist's own folder joined to the path from dist to the
 *    module's folder, so views/, public/ and db/migrations resolve from the
 *    repository wherever it lies.
 *  - better-sqlite3 stays external: a native addon that finds its .node file
 *    relative to its package. Every other package stays external too, loaded
 *    from node_modules as under tsx (pino and ejs read files of their own).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
// `--out DIR` builds elsewhere (the test does, to leave dist/ alone).
const outArg = process.argv.indexOf('--out');
const OUT_DIR = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'dist');
const OUT = path.join(OUT_DIR, 'server.js');
const META = path.join(OUT_DIR, 'meta.json');

/** Why dist/server.js must be (re)built, or null when it is up to date. */
function staleness() {
  if (!fs.existsSync(OUT) || !fs.existsSync(META) || !fs.existsSync(path.join(OUT_DIR, 'conflict-worker.js'))) return 'dist/server.js is missing';
  const builtAt = fs.statSync(OUT).mtimeMs;
  let inputs;
  try {
    inputs = Object.keys(JSON.parse(fs.readFileSync(META, 'utf8')).inputs);
  } catch {
    return 'dist/meta.json is unreadable';
  }
  for (const input of [...inputs, path.relative(ROOT, __filename), 'package-lock.json']) {
    const file = path.join(ROOT, input);
    if (!fs.existsSync(file)) return `${input} is gone`;
    if (fs.statSync(file).mtimeMs > builtAt) return `${input} changed`;
  }
  return null;
}

/** Gives each module its own `__dirname`, relative to the bundle's, as node gives it outside a bundle. */
const sourceDirname = {
  name: 'source-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      if (!/\b__dirname\b/.test(text)) return undefined;
      const fromDist = path.relative(OUT_DIR, path.dirname(args.path)).split(path.sep).join('/');
      const prelude = `const __moduleDirname = require('node:path').join(__bundleDirname, ${JSON.stringify(fromDist)});\n`;
      return { contents: prelude + text.replace(/\b__dirname\b/g, '__moduleDirname'), loader: 'ts' };
    });
  },
};

async function build() {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // The server, and the conflict worker it starts beside it (src/services/meetings/off-thread.ts).
    entryPoints: [
      { in: 'src/server.ts', out: 'server' },
      { in: 'src/services/meetings/conflict-worker.ts', out: 'conflict-worker' },
    ],
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    banner: { js: 'const __bundleDirname = __dirname;' },
    plugins: [sourceDirname],
  });
  fs.writeFileSync(META, JSON.stringify(result.metafile));
}

async function main() {
  const why = process.argv.includes('--if-stale') ? staleness() : 'asked';
  if (why === null) return;
  const started = Date.now();
  try {
    await build();
  } catch {
    // esbuild has printed what failed.
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`build: dist/server.js built (${why}) in ${Date.now() - started} ms\n`);
}

if (require.main === module) main();

module.exports = { staleness };
