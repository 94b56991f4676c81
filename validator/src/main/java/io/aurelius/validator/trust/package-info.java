/**
 * Proof-of-Trust validator trust: each validator's verdicts carry a probability of acceptance, and
 * when consensus decides an aene every validator's trust moves by α·[ln q_v(y) − ln p_m(y)], the
 * log score of its forecast against the stake-weighted market's ({@link
 * io.aurelius.validator.trust.TrustUpdate}); trust decays without participation and scales stake in
 * the quorum through a bounded function ({@link io.aurelius.validator.trust.TrustPolicy}, {@link
 * io.aurelius.validator.trust.TrustWeights}). Pure functions of verdicts and outcomes plus the
 * persisted {@link io.aurelius.validator.trust.TrustBook}; depends on the consensus package's
 * records, and the epoch pipeline uses it.
 */
package io.aurelius.validator.trust;
