/** Checks of the Docker image, compose file, Prometheus and Grafana files in {@code docker/}. */
package io.aurelius.node.docker;
