/**
 * The statistics the judge relies on, as small pure functions: weighted median, Krippendorff's
 * alpha (interval and nominal, missing ratings allowed), isotonic regression (pool adjacent
 * violators) and the Jensen–Shannon distance. No dependencies beyond the JDK.
 */
package io.aurelius.judge.stats;
