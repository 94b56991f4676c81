/**
 * Running a configuration's mechanics safely: CEL evaluation under a per-step budget (time spent in
 * CEL and number of evaluations; the iteration limit is enforced by the compiled programs), where a
 * failing expression is recorded as a {@link io.aurelius.worldmodel.mechanics.MechanicFailure} and
 * the step goes on; and the deterministic sharing of contested draws (proportional,
 * priority_random, equal_split) from a seeded generator. Depends on the config module, the state
 * and seed packages.
 */
package io.aurelius.worldmodel.mechanics;
