/**
 * Scoring an epoch from the world model's transcripts: aenes become judge inputs, each
 * configuration's aenes are judged as one batch (with its own canaries), and the secondary signals
 * and the DLV-gated Pareto ranking follow. This is the pipeline the validator and the {@code
 * aurelius judge} and {@code aurelius score} commands run. Depends on the ensemble, signals,
 * ranking and embedding packages and on the world model's transcripts.
 */
package io.aurelius.judge.scoring;
