/**
 * The orchestrator: runs one configuration under one framing and seed with one agent model, step by
 * step, and reports every step to a {@link io.aurelius.worldmodel.transcript.RunObserver}. Entry
 * point {@link io.aurelius.worldmodel.orchestrator.Orchestrator#run}. The order within a step is
 * fixed (see {@code Orchestrator}); all randomness comes from the run's seed, so the same
 * configuration, seed and model replies always reach the same states. Depends on every other
 * package of the world model except the adapters, which it reaches only through the agent port.
 */
package io.aurelius.worldmodel.orchestrator;
