package io.aurelius.core.ops;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers one read-only console API route with a JSON document. Runs on the plain-HTTP workers, so
 * it may block, but it must stay cheap: every list it returns is bounded by the query's {@code
 * limit} or a fixed cap. An {@link ApiQuery.BadQueryException} is a 400, an {@link
 * ApiQuery.NotFoundException} a 404.
 */
@FunctionalInterface
public interface ApiHandler {
  JsonNode answer(ApiQuery query) throws Exception;
}
