/**
 * The persistent, typed world state of one run: every world variable and every agent's variables
 * with their declared types and bounds, the step reached, and which once-only events have fired. A
 * snapshot is immutable and has a canonical JSON form whose SHA-256 is the state hash a transcript
 * records and a replay reproduces. Assignments are checked against the declarations: numbers are
 * clamped into bounds (and the clamp reported), a string outside its values is refused. Depends on
 * the config model and node-core's canonical JSON.
 */
package io.aurelius.worldmodel.state;
