// When `npm start` and the browser tests rebuild the web portal: only for changes that can alter
// the production build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webSourceHash } from './web.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sipadu-web-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), content);
}

write('package.json', '{"name":"@sipadu/web"}');
write('src/app/page.tsx', 'export default function Page() { return null; }');
const env = { NEXT_PUBLIC_X: 'a' };

describe('web build fingerprint', () => {
  it('ignores build output, dependencies, tests and generated type stubs', () => {
    const before = webSourceHash(env, dir);
    write('.next/BUILD_ID', 'abc');
    write('node_modules/some-lib/index.js', 'x');
    write('e2e/flow.e2e.spec.ts', 'x');
    write('src/app/page.spec.tsx', 'x');
    write('next-env.d.ts', '/// <reference types="next" />');
    expect(webSourceHash(env, dir)).toBe(before);
  });

  it('changes with a source file, a new file or an inlined public variable', () => {
    const before = webSourceHash(env, dir);
    write('src/app/page.tsx', 'export default function Page() { return "halo"; }');
    const edited = webSourceHash(env, dir);
    expect(edited).not.toBe(before);
    write('src/app/direktori/page.tsx', 'export default function Page() { return null; }');
    const added = webSourceHash(env, dir);
    expect(added).not.toBe(edited);
    expect(webSourceHash({ NEXT_PUBLIC_X: 'b' }, dir)).not.toBe(added);
    expect(webSourceHash({ ...env, OTHER: 'runtime only' }, dir)).toBe(added);
  });
});
