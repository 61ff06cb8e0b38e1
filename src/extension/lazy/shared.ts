/**
 * The modules the main bundle shares with the lazily loaded features (see load.ts), by path. Empty here: the
 * build fills it in (scripts/lazy-chunk.mjs) with every module both need, so the features file holds no second
 * copy of them. Unused when the features are imported directly (unit tests, `npm run build -- --watch`).
 */
export const SHARED: Readonly<Record<string, unknown>> = {};
