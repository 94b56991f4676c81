/**
 * {@code aurelius bench ...}: thin commands that run the measurements living in the domain modules
 * and print their figures, each beside a baseline measured in the same run. Benchmarks never decide
 * pass or fail.
 */
package io.aurelius.node.cli.bench;
