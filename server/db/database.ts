import type pg from 'pg';

/**
 * What the desk's store needs of PostgreSQL: a pg Pool, or the embedded PostgreSQL (PGlite)
 * made to answer the same way (embedded.ts).
 */
export type DeskPool = Pick<pg.Pool, 'query' | 'connect'>;
export type DeskClient = Pick<pg.PoolClient, 'query' | 'release' | 'escapeLiteral'>;
