/**
 * The subnet's covenant (whitepaper §8.2): the genesis covenant (purpose, corpus criteria, protocol
 * parameters) is entry 0 of a covenant log; amendments are appended, each naming the entry it
 * amends and the changes as a JSON merge patch. Replaying the log gives the covenant in force. An
 * amendment may be put to the validators' stake-weighted vote first ({@link
 * io.aurelius.anchoring.covenant.AmendmentProposal}, {@link
 * io.aurelius.anchoring.covenant.AmendmentVote}, {@link
 * io.aurelius.anchoring.covenant.AmendmentTally}): adopted, it is the entry to append. Depends on
 * the log package and node-core's JSON.
 */
package io.aurelius.anchoring.covenant;
