import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';
import { RUNTIME_EXPORTS } from '../../src/names/runtime-exports.js';
import { byCodePoint } from '../../src/shared/sort.js';

const RUNTIME = fileURLToPath(new URL('../../src/runtime/runtime.ts', import.meta.url));

describe('RUNTIME_EXPORTS', () => {
  it('lists exactly the names src/runtime/runtime.ts exports (read with ts-morph)', () => {
    const project = new Project({ skipAddingFilesFromTsConfig: true, skipLoadingLibFiles: true, compilerOptions: { noLib: true } });
    const file = project.addSourceFileAtPath(RUNTIME);
    const exported = [...file.getExportedDeclarations().keys()].sort(byCodePoint);
    expect(exported.length).toBeGreaterThan(0);
    expect([...RUNTIME_EXPORTS].sort(byCodePoint)).toEqual(exported);
  });

  it('the runtime imports nothing, so it can be copied verbatim into a client', () => {
    const project = new Project({ skipAddingFilesFromTsConfig: true, skipLoadingLibFiles: true, compilerOptions: { noLib: true } });
    const file = project.addSourceFileAtPath(RUNTIME);
    expect(file.getImportDeclarations().map((declaration) => declaration.getModuleSpecifierValue())).toEqual([]);
  });
});
