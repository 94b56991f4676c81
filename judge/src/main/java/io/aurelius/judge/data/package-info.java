/**
 * Reading the judge's data documents (rubric, exemplars, personas, phrase lists, labels): strict
 * field access with path-precise one-line errors, and the bundled resources. Depends on node-core's
 * JSON reader only; every other judge package may use it.
 */
package io.aurelius.judge.data;
