// Runs TypeScript sources directly (db:* and bench:* scripts) with the workspace's
// compiler options: decorators, metadata and the @jinan/* path aliases.
process.env.SWC_NODE_PROJECT ??= require('node:path').join(__dirname, '../../../tsconfig.base.json');
require('@swc-node/register');
