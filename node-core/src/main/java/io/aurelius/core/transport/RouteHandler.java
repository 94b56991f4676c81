package io.aurelius.core.transport;

/**
 * Serves one signed route. Runs on the node's protocol workers (never on an event loop), so it may
 * block. It returns the response body as a record, a {@code Map} or a Jackson tree, written as
 * canonical JSON with status 200; it throws {@link CallRefusedException} to refuse the content with
 * a 4xx status; any other exception is a 500 with a request id.
 */
@FunctionalInterface
public interface RouteHandler {
  Object handle(InboundCall call) throws Exception;
}
