/**
 * The operator surface every node mounts on its one HTTP port: {@code /healthz} (200 while running,
 * 503 otherwise), {@code /metrics} (Prometheus text from the node's {@link
 * io.aurelius.core.metrics.MetricsRegistry}), a JSON status at {@code /status.json}, and a {@link
 * io.aurelius.core.ops.Console}: read-only JSON {@link io.aurelius.core.ops.ApiRoute}s below {@code
 * /api/v1/} and a front end's {@link io.aurelius.core.ops.StaticAssets} at {@code /} (without one,
 * a small status page that polls {@code /status.json}). Roles (miner, validator, chain) describe
 * themselves with a {@link io.aurelius.core.ops.NodeStatus} and add the routes with {@link
 * io.aurelius.core.ops.OpsRoutes}. Depends on the transport, metrics, service and JSON packages of
 * node-core only.
 */
package io.aurelius.core.ops;
