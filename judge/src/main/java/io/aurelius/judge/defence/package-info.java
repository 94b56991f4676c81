/**
 * Defences against gaming the judge that do not depend on any judge's good behaviour: the detector
 * for instruction-like content inside an aene (patterns are data), and the canary aenes mixed into
 * every batch (empty reasoning, a copy of the observation, keyword stuffing, an injected
 * instruction). Fencing itself lives with prompt construction. Depends on the port, data and rubric
 * packages.
 */
package io.aurelius.judge.defence;
