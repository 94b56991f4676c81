/**
 * Corpus consensus between validators: signed verdicts on aenes ({@link
 * io.aurelius.validator.consensus.SignedVerdict}), the {@code validator/verdicts} and {@code
 * validator/cosign} routes, peers' re-judging of each other's aenes, the stake-weighted quorum that
 * admits an aene into the corpus, and the reputation each validator keeps of its peers. Used by the
 * epoch pipeline and the service; depends on node-core (signing, transport, store), world-model
 * (aenes) and anchoring (checkpoints), never on how a judge works inside.
 */
package io.aurelius.validator.consensus;
