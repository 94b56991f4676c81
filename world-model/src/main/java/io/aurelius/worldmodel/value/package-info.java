/**
 * The four kinds of value a world holds and an agent's action carries: integers, reals, booleans
 * and strings, as one sealed {@link io.aurelius.worldmodel.value.Value} family with its JSON form.
 * Depends on Jackson only; everything in the world model may depend on it.
 */
package io.aurelius.worldmodel.value;
