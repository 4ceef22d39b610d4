/**
 * The database's name and schema version, apart from database.ts so that code which must not
 * load Dexie (the side panel's first-screen read) can check it is reading the schema it knows.
 */
export const DB_NAME = 'tono';

/** The newest migration's number (a unit test keeps it equal to MIGRATIONS' last). */
export const SCHEMA_VERSION = 7;

/** Dexie opens version N as IndexedDB version N × 10. */
export const NATIVE_SCHEMA_VERSION = SCHEMA_VERSION * 10;
