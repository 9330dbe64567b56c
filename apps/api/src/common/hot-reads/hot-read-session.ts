// Its own file: bench:scale's bare baseline server opens its sessions the same way without loading Nest.

/**
 * The sessions of the hot reads' pool: no JIT (as every API connection), and one plan per
 * statement. Left to choose, PostgreSQL re-planned the agenda's join on every execution (a
 * generic plan estimated for the average party costs more than a custom one for the party at
 * hand, so it never switched): 0.5–0.6 ms of planning for 0.2–0.3 ms of execution at 100×.
 * Forced here, and only here: on the ORM's pool the setting would also give every
 * parameterised query (statistics, search) a plan made without its values.
 */
export const HOT_READ_SESSION = '-c jit=off -c plan_cache_mode=force_generic_plan';
