import type pg from 'pg';

/**
 * What the desk's store needs of PostgreSQL: pg's Pool and its clients answer it; another
 * database that answers the same way could stand in.
 */
export type DeskPool = Pick<pg.Pool, 'query' | 'connect'>;
export type DeskClient = Pick<pg.PoolClient, 'query' | 'release' | 'escapeLiteral'>;
