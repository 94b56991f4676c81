/**
 * {@code aurelius bench ...}: benchmarks that print throughput as ratios to a baseline
 * measured in the same run. They are tools, never tests, and never gate anything on time.
 */
package io.aurelius.node.cli.bench;
