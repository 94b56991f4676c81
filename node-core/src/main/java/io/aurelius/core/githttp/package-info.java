/**
 * Read-only git smart HTTP (upload-pack only: clone and fetch, protocol v0 and v2) over a fixed map
 * of bare repositories, independent of any HTTP server. A transport adapter turns its request into
 * a {@link io.aurelius.core.githttp.GitHttpRequest}, calls {@link
 * io.aurelius.core.githttp.GitHttpService#handle} on a thread that may block, and streams the
 * {@link io.aurelius.core.githttp.GitHttpResponse} body. Request paths never reach the file system:
 * a repository is found by name in the configured map or not at all. A negotiation's cost is
 * bounded before upload-pack runs (body size, {@code have} lines; {@link
 * io.aurelius.core.githttp.GitHttpLimits}); the node serves it in the server's bulk lane. {@link
 * io.aurelius.core.githttp.GitMount} mounts it on the node's signed-protocol server as a plain
 * route. Depends on the JDK, JGit, SLF4J and the Netty-free {@code core.transport} API.
 */
package io.aurelius.core.githttp;
