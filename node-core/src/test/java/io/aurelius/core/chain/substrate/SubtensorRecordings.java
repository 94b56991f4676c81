package io.aurelius.core.chain.substrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.core.chain.substrate.metadata.MetadataDecoder;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;

/**
 * The recorded mainnet traffic and metadata of {@code testdata/subtensor/} (its README describes
 * the layout): operation → JSON-RPC method → params as JSON text → response.
 */
public final class SubtensorRecordings {
  private static RuntimeMetadata v14;
  private static RuntimeMetadata v15;
  private static JsonNode recordings;

  private SubtensorRecordings() {}

  public static synchronized Bytes metadataV14Bytes() {
    return Bytes.fromHex(read("metadata-v14.hex").trim());
  }

  public static synchronized Bytes metadataV15Bytes() {
    return Bytes.fromHex(read("metadata-v15.hex").trim());
  }

  public static synchronized RuntimeMetadata v14() {
    if (v14 == null) {
      v14 = MetadataDecoder.decode(metadataV14Bytes());
    }
    return v14;
  }

  public static synchronized RuntimeMetadata v15() {
    if (v15 == null) {
      v15 = MetadataDecoder.decodeOpaque(metadataV15Bytes()).orElseThrow();
    }
    return v15;
  }

  /** The recorded result of one request; fails the test if it was not recorded. */
  public static JsonNode result(String operation, String method, String params) {
    JsonNode response = all().path(operation).path(method).path(params);
    if (response.has("cycle")) {
      response = response.get("cycle").get(0);
    }
    if (!response.has("result")) {
      throw new AssertionError("not recorded: " + operation + " " + method + " " + params);
    }
    return response.get("result");
  }

  /** The params (as JSON text) of every recorded call of {@code method} in {@code operation}. */
  public static Iterator<Map.Entry<String, JsonNode>> calls(String operation, String method) {
    return all().path(operation).path(method).properties().iterator();
  }

  public static synchronized JsonNode all() {
    if (recordings == null) {
      try {
        recordings = new ObjectMapper().readTree(read("websocket-recordings.json"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return recordings;
  }

  private static String read(String file) {
    try {
      return Files.readString(TestData.path("subtensor", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
