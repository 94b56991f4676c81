/**
 * Deterministic replay: re-executes a transcript's run with the recorded replies standing in for
 * the model, and checks that every step reaches the recorded state hash (and renders the recorded
 * observations). Depends on the orchestrator, transcript and agent packages and the config loader.
 */
package io.aurelius.worldmodel.replay;
