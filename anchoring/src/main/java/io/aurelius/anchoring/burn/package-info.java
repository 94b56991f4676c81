/**
 * Burn records (Orbis Ethica §3.6): a signed statement that a corpus entry is quarantined, with a
 * reason and the hash of the evidence. Nothing is deleted; the record lives beside the log ({@code
 * burns/<index>.json}) and the clean view leaves the entry out. Depends on the log package and
 * node-core's crypto, identity and JSON.
 */
package io.aurelius.anchoring.burn;
