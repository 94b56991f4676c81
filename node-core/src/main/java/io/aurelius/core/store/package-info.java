/**
 * The node's local state store: an embedded SQLite database in WAL mode with {@code
 * synchronous=FULL}, so a write that returned is on disk and a crash at any point loses no
 * committed work. Schemas evolve through numbered migrations tracked in {@code PRAGMA
 * user_version}. Callers (the validator's queue, the miner's library index) own their tables; this
 * package owns connections, transactions and migrations. A new database file is created with mode
 * 0600 ({@code core.identity.OwnerOnlyFiles}). JDBC and the SQLite driver stay inside this package.
 */
package io.aurelius.core.store;
