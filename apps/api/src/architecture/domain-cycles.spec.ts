import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cycles, domainGraph, importSpecifiers } from './domain-graph';

/** A throwaway source tree: { 'a/a.ts': "import { b } from '../b/b';" }. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'domain-graph-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the domain folders of apps/api/src', () => {
  it('import each other without a cycle', () => {
    const graph = domainGraph(join(__dirname, '..'));
    const found = cycles(graph).map((component) => {
      const edges = component.flatMap((from) =>
        component.filter((to) => graph.get(from)?.has(to)).map((to) => `${from} → ${to} (${graph.get(from)?.get(to)?.[0]})`),
      );
      return `${component.join(', ')}: ${edges.join('; ')}`;
    });
    expect(found).toEqual([]);
  });

  it('are really read: editions are imported by several domains, and editions imports audit', () => {
    const graph = domainGraph(join(__dirname, '..'));
    expect(graph.get('editions')?.has('audit')).toBe(true);
    expect([...graph.entries()].filter(([, edges]) => edges.has('editions')).length).toBeGreaterThan(3);
  });
});

describe('the cycle finder (fixtures)', () => {
  it('finds a cycle through three folders, type-only and re-export imports included', () => {
    const root = tree({
      'audit/audit.ts': "import { ExportsService } from '../exports/exports';",
      'exports/exports.ts': "import type { Edition } from '../editions/edition';\nexport { x } from './x';",
      'editions/edition.ts': "export * from '../audit/audit';",
      'common/clock.ts': '',
      'main.ts': "import { a } from './audit/audit';",
    });
    expect(cycles(domainGraph(root))).toEqual([['audit', 'editions', 'exports']]);
  });

  it('finds none in a tree that only points one way', () => {
    const root = tree({
      'audit/audit.ts': "import { Clock } from '../common/clock';",
      'editions/edition.ts': "import { AuditService } from '../audit/audit';\nimport { Clock } from '../common/clock';",
      'common/clock.ts': "import { DateTime } from 'luxon';",
    });
    expect(cycles(domainGraph(root))).toEqual([]);
  });

  it('reads every kind of import', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b/b';",
      "import './side-effect';",
      "export { c } from '../c/c';",
      "const d = await import('../d/d');",
      "const e = require('../e/e');",
      'import {\n  f,\n  g,\n} from "../f/f";',
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a', '../b/b', './side-effect', '../c/c', '../d/d', '../e/e', '../f/f']);
  });
});
