/**
 * The subnet's covenant (whitepaper §8.2): the genesis covenant (purpose, corpus criteria, protocol
 * parameters) is entry 0 of a covenant log; amendments are appended, each naming the entry it
 * amends and the changes as a JSON merge patch. Replaying the log gives the covenant in force.
 * Depends on the log package and node-core's JSON.
 */
package io.aurelius.anchoring.covenant;
