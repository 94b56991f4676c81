/**
 * {@code aurelius judge} (judge transcripts; {@code label}, {@code calibrate}, {@code report}) and
 * {@code aurelius score} (judge, measure and rank): options turned into the judge module's panel,
 * ensemble and scorer, and tables for people. Depends on the judge module and the world model's
 * transcript reader.
 */
package io.aurelius.node.cli.judge;
