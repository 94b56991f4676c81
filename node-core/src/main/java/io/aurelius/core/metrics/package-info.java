/**
 * Operational metrics in the Prometheus text exposition format (version 0.0.4): counters, gauges
 * and histograms with labels, registered once and scraped from {@code /metrics}. Depends on the JDK
 * only.
 */
package io.aurelius.core.metrics;
