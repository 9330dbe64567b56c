/**
 * CommonJS stand-in for @nestjs/typeorm's `typeorm-compat.js`, the one file of that
 * ES-module package that jest's CommonJS runtime cannot transpile (it declares its own
 * `require` from `import.meta.url`). Same behaviour: TypeORM 1.x no longer exports
 * these symbols, so both resolve to undefined.
 */
const typeorm = require('typeorm');
exports.Connection = typeorm.Connection;
exports.AbstractRepository = typeorm.AbstractRepository;
