package io.aurelius.core.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's JSON reader and writer. Reading is strict: UTF-8 only, duplicate keys refused,
 * trailing content refused, size, depth and string length bounded. Every failure is a {@link
 * JsonInputException} with a one-line message.
 */
public final class Json {
  private static final ObjectMapper WRITER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private Json() {}

  /** A mapper for writing human-readable JSON (indented). Never used for hashing. */
  public static ObjectMapper prettyWriter() {
    return WRITER;
  }

  public static ObjectNode newObject() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Parses one JSON document.
   *
   * @param what names the document in error messages, e.g. a file name
   */
  public static JsonNode parse(byte[] bytes, String what, JsonLimits limits) {
    requireNonNull(bytes, "bytes");
    requireNonNull(limits, "limits");
    if (bytes.length > limits.maxBytes()) {
      throw new JsonInputException(
          what + ": " + bytes.length + " bytes (expected: at most " + limits.maxBytes() + ")");
    }
    // Jackson would otherwise sniff UTF-16/32 from BOMs and zero bytes and decode silently.
    Utf8.problem(bytes)
        .ifPresent(
            problem -> {
              throw new JsonInputException(what + ": " + problem);
            });
    ObjectMapper mapper = strictMapper(limits);
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      JsonNode node = mapper.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new JsonInputException(what + ": empty document (expected: a JSON value)");
      }
      if (parser.nextToken() != null) {
        throw new JsonInputException(
            what
                + ": trailing content at "
                + position(parser.currentLocation())
                + " (expected: end of document)");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new JsonInputException(
          what
              + ": "
              + firstLine(e.getOriginalMessage())
              + " (expected: depth at most "
              + limits.maxDepth()
              + ", strings at most "
              + limits.maxStringLength()
              + " chars)",
          e);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at " + position(e.getLocation());
      throw new JsonInputException(
          what + ": malformed JSON" + at + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new JsonInputException(what + ": unreadable: " + firstLine(e.getMessage()), e);
    }
  }

  public static JsonNode parse(String text, String what, JsonLimits limits) {
    return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), what, limits);
  }

  /** Converts a parsed tree to a record or POJO, refusing unknown properties. */
  public static <T> T convert(JsonNode node, Class<T> type, String what) {
    try {
      return strictMapper(JsonLimits.UNTRUSTED).treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new JsonInputException(what + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (IllegalArgumentException e) {
      throw new JsonInputException(what + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** Converts a record or POJO to a tree, for canonical hashing or writing. */
  public static JsonNode toTree(Object value) {
    return WRITER.valueToTree(value);
  }

  /**
   * Mappers are thread-safe once built, and building one (and its deserializers) costs far more
   * than parsing a small document, so each set of limits gets one, kept for the process.
   */
  private static final int MAX_CACHED_MAPPERS = 64;

  private static final Map<JsonLimits, ObjectMapper> STRICT_MAPPERS = new ConcurrentHashMap<>();

  private static ObjectMapper strictMapper(JsonLimits limits) {
    ObjectMapper cached = STRICT_MAPPERS.get(limits);
    if (cached != null) {
      return cached;
    }
    ObjectMapper mapper = buildStrictMapper(limits);
    if (STRICT_MAPPERS.size() < MAX_CACHED_MAPPERS) {
      STRICT_MAPPERS.putIfAbsent(limits, mapper);
    }
    return mapper;
  }

  private static ObjectMapper buildStrictMapper(JsonLimits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(64)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }

  private static String position(JsonLocation location) {
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
