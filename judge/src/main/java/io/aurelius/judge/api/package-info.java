/**
 * The judge module's one door for the validator: {@link io.aurelius.judge.api.Judges} scores an
 * epoch's transcripts against the published corpus, judges peers' aenes again, and answers the
 * admission check's near-duplicate question, in records of this package. The panel, ensemble,
 * defences, signals and ranking behind it stay internal to the module.
 */
package io.aurelius.judge.api;
