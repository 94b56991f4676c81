/**
 * World-model module trials: a candidate module is run against the current world model on a fixed
 * benchmark suite (same configurations, same seeds), and each quality, efficiency and stability
 * measure is compared pair by pair with a 95% confidence interval.
 */
package io.aurelius.validator.modules;
