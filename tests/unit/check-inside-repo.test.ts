/**
 * The outside-path check: what it must flag, what it must let pass, and the
 * repository itself, which must be clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkedFiles, findOutsidePaths } from '../../scripts/check-inside-repo';

const ROOT = path.resolve(__dirname, '../..');
// The workspace's sibling folder, spelled in pieces so that this file, which
// must show the check such lines, is not itself a line that names it.
const SHARED = ['..', 'shared'].join('/');
const SHARED_TOOLS = ['shared', 'tools'].join('/');

describe('findOutsidePaths', () => {
  it.each([
    { name: 'the old validator path in tests/support', file: 'tests/support/ics.ts', line: `const VALIDATOR = path.resolve(__dirname, '../../${SHARED}/tools/validate-ics');` },
    { name: 'a comment pointing at the shared seed', file: 'db/seed/demo.ts', line: ` * as the report describes it (${SHARED}/seed/).` },
    { name: 'the tools folder without the dots', file: '.ci/run', line: `python3 ${SHARED_TOOLS}/validate-ics feed.ics` },
    { name: 'an absolute path into /work', file: 'bench/run.ts', line: "const data = '/work/main/data/forum.db';" },
    { name: 'a home folder', file: 'scripts/screenshot.ts', line: "const out = '/home/anna/shots';" },
    { name: 'a macOS home folder', file: 'scripts/screenshot.ts', line: 'const out = "/Users/anna/shots";' },
    { name: 'root’s home', file: '.ci/run', line: 'cp /root/.npmrc .' },
    { name: 'an import one level too high', file: 'tests/unit/a.test.ts', line: "import { x } from '../../../elsewhere/x';" },
    { name: 'a require one level too high', file: 'src/cli/main.ts', line: "const y = require('../../../y.json');" },
    { name: 'a dynamic import too high', file: 'src/app.ts', line: "await import('../../z');" },
    { name: 'path.join from __dirname, climbing in separate arguments', file: 'tests/support/x.ts', line: "path.join(__dirname, '..', '..', '..', 'shared')" },
    { name: 'path.resolve that goes down, then up past the root', file: 'scripts/x.ts', line: "path.resolve(__dirname, 'a/../../../b')" },
    { name: 'path.resolve from the working directory', file: 'bench/run.ts', line: "path.resolve('../fixtures')" },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the case is source text for the path check to read, not a template
    { name: 'a template from __dirname', file: 'tests/support/x.ts', line: 'const p = `${__dirname}/../../../tools`;' },
    { name: 'a shell script leaving its folder twice', file: '.ci/run', line: 'cd "$(dirname "$0")/../.."' },
    { name: 'jest’s rootDir and a climb', file: 'jest.config.js', line: "globalSetup: '<rootDir>/../setup.ts'," },
  ])('flags $name', ({ file, line }) => {
    expect(findOutsidePaths(file, line)).toEqual(expect.arrayContaining([expect.objectContaining({ file, line: 1 })]));
  });

  it.each([
    { name: 'the new validator path', file: 'tests/interop/validate-ics.ts', line: "const VALIDATOR = path.resolve(__dirname, '../../scripts/validate-ics.py');" },
    { name: 'the repository root from tests/support', file: 'tests/support/ics.ts', line: "const REPO_ROOT = path.resolve(__dirname, '../..');" },
    { name: 'migrations from src/store', file: 'src/store/migrate.ts', line: "path.resolve(__dirname, '../../db/migrations')" },
    { name: 'an import to the root exactly', file: 'tests/unit/a.test.ts', line: "import { loadDemo } from '../../db/seed/demo';" },
    { name: 'a package import', file: 'src/app.ts', line: "import express from 'express';" },
    { name: 'a join from a variable (where it points is not known)', file: 'tests/support/app.ts', line: "path.join(dir, '../../..', 'test.db')" },
    { name: 'a system program', file: 'tests/support/chromium.ts', line: "executablePath: '/usr/bin/chromium'," },
    { name: 'the system python', file: 'tests/interop/validate-ics.ts', line: "const PYTHON = process.env.ICS_PYTHON || '/usr/bin/python3';" },
    { name: 'a URL that has /work/ in its path', file: 'src/x.ts', line: "const u = 'https://example.org/work/plan';" },
    { name: 'an app route', file: 'src/web/routes/x.ts', line: "router.get('/forums/:id/work/plan', handler);" },
    { name: 'a folder merely named shared', file: 'src/x.ts', line: "const dir = 'views/shared/partials';" },
    { name: 'the shell script going to the root', file: '.ci/run', line: 'cd "$(dirname "$0")/.."' },
    { name: 'jest’s rootDir', file: 'jest.config.js', line: "testMatch: ['<rootDir>/tests/interop/**/*.test.ts']," },
    { name: 'a climb in prose, anchored to nothing', file: 'src/x.ts', line: '// go ../../.. up to see why' },
  ])('lets pass $name', ({ file, line }) => {
    expect(findOutsidePaths(file, line)).toEqual([]);
  });

  it('names the line of each finding', () => {
    expect(findOutsidePaths('tests/x.ts', "ok\nok\nconst a = '/work/x';\n").map((f) => f.line)).toEqual([3]);
  });
});

describe('the repository', () => {
  it('reaches nothing outside itself from its tests, scripts, fixtures and config', () => {
    const files = checkedFiles(ROOT);
    expect(files).toEqual(expect.arrayContaining(['.ci/run', 'jest.config.js', 'tests/support/ics.ts', 'db/seed/demo.ts']));
    expect(files.flatMap((f) => findOutsidePaths(f, fs.readFileSync(path.join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
