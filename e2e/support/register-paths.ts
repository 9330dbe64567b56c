import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * jest maps the @jinan/* aliases inside test files, but global setup code runs outside
 * that sandbox: teach Node the same aliases from tsconfig.base.json.
 */
const root = join(__dirname, '../..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths });
