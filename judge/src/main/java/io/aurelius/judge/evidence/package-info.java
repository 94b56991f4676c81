/**
 * Evidence that the judge measures something: run the bundled catalogue and the SN37 example
 * configurations with the sim agents in both framings, score them with the offline panel (embedded
 * and sim judges), and report how configurations labelled GOOD compare with those labelled BAD, and
 * whether every canary stayed below the threshold. The labels come from the data (the catalogue is
 * GOOD; SN37 files named {@code bad_*} were labelled BAD by SN37); nothing in the judge knows them.
 * Depends on the scoring package, the world model's orchestrator and the config module's catalogue
 * and SN37 import.
 */
package io.aurelius.judge.evidence;
