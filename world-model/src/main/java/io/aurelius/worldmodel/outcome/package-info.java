/**
 * Outcome measures of a run: Orbis Ethica's ULFR lens (utility, life, fairness, risk), computed
 * from the world's trajectory (state before and after, events fired) under a configuration's
 * outcome map, never from what agents said. {@link io.aurelius.worldmodel.outcome.OutcomeLens}
 * measures runs; {@link io.aurelius.worldmodel.outcome.UlfrWeights} are the versioned weights that
 * turn the four into one score. Depends on the configuration model and transcripts.
 */
package io.aurelius.worldmodel.outcome;
