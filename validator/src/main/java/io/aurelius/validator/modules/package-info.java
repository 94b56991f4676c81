/**
 * World-model module trials: a candidate module is run against the current world model on a fixed
 * benchmark suite (same configurations, same seeds), and each quality, efficiency and stability
 * measure is compared pair by pair with a 95% confidence interval; signed verdicts and the higher
 * quorum that adopts a module; and where an adoption goes ({@code WorldModelLedger}: the registry,
 * then its git repository and the covenant log, completed from the registry after a crash).
 */
package io.aurelius.validator.modules;
