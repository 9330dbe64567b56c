// Settings every API test runs with; the machine's own zone must never matter.
process.env['TZ'] = 'Pacific/Kiritimati';
process.env['NODE_ENV'] = 'test';
process.env['LOG_LEVEL'] = process.env['LOG_LEVEL'] ?? 'silent';
process.env['JWT_SECRET'] = 'test-secret-that-is-long-enough-for-hs256-0123456789';
// Statistics are asserted right after each change: computed live however slow the machine
// (stats-snapshots.e2e-spec.ts tests the snapshots of large editions).
process.env['STATS_LIVE_LIMIT_MS'] = process.env['STATS_LIVE_LIMIT_MS'] ?? '600000';
