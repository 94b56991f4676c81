/**
 * Operational metrics: counters, gauges and histograms with labels, registered once by name and
 * scraped from {@code /metrics} in the Prometheus text format. The Prometheus Java client is the
 * backend and stays behind this package's facade; {@link
 * io.aurelius.core.metrics.MetricsRegistry#withRuntimeMetrics()} adds its JVM and process metrics.
 */
package io.aurelius.core.metrics;
