/**
 * The validator's durable work record: one SQLite database (WAL, synchronous FULL) holding every
 * epoch's items keyed by (epoch, step, item), the marks of finished steps, and state carried across
 * epochs (moving averages, reputations, pending weight commits). First write wins, so a step redone
 * after a crash cannot count anything twice. Used by the epoch pipeline and consensus packages;
 * depends only on node-core's store.
 */
package io.aurelius.validator.store;
