import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The import boundaries of DESIGN.md are lint rules; this proves they bite.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports').length;
}

describe('import boundaries', () => {
  it.each([
    ['app/renderer/src/probe.ts', "import '../../main/core/api';"],
    ['app/renderer/src/probe.ts', "import '@procyon/collector';"],
    ['app/renderer/src/probe.ts', "import 'node:fs';"],
    ['app/renderer/src/probe.ts', "import 'electron';"],
    ['app/renderer/src/probe.ts', "import '../../preload/index';"],
    ['app/preload/probe.ts', "import '../main/core/dispatch';"],
    ['app/preload/probe.ts', "import '@procyon/collector';"],
    ['app/shared/probe.ts', "import 'node:os';"],
    ['app/shared/probe.ts', "import 'electron';"],
    ['app/shared/probe.ts', "import 'react';"],
    ['app/shared/probe.ts', "import { cpuTimes } from '@procyon/collector';"],
    ['app/main/core/probe.ts', "import 'electron';"],
    ['app/main/core/probe.ts', "import '../server/server';"],
    ['app/main/core/probe.ts', "import { readFile } from 'node:fs/promises';"],
    ['app/main/core/probe.ts', "import 'node:fs';"],
    ['app/main/core/probe.ts', "import 'fs';"],
    ['app/main/server/probe.ts', "import '../electron/ipc';"],
    ['native/lib/probe.ts', "import '../../app/shared';"],
  ])('%s may not %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['app/renderer/src/probe.ts', "import '../../shared';"],
    ['app/preload/probe.ts', "import '../shared/channels';"],
    ['app/main/core/probe.ts', "import '@procyon/collector';"],
    // The contract reuses the collector's record types; erased at build, they bring none of its code.
    ['app/shared/probe.ts', "import type { CpuTimes } from '@procyon/collector';"],
    ['app/main/core/settings.ts', "import 'node:fs/promises';"],
    ['app/main/core/probe.test.ts', "import 'node:fs';"],
    ['app/main/electron/probe.ts', "import 'electron';"],
  ])('%s may %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});
