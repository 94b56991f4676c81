package io.aurelius.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.note.NoteSigner;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A devnet validator's covenant log: made at devnet start in the validator's node home ({@value
 * #DIRECTORY}) from the bundled genesis covenant, as {@code aurelius corpus init --kind covenant}
 * makes one ({@link CovenantLog#create}), signed with the validator's corpus-log key, so the
 * validator (run with it as {@code --covenant}) appends each world-model adoption as an amendment.
 * The genesis names no {@code parameters.ulfr}, so epochs score with {@code ulfr-v1}.
 */
public final class DevnetCovenant {
  /** The covenant log's directory in a validator's node home. */
  public static final String DIRECTORY = "covenant.git";

  static final String GENESIS = "genesis-covenant.json";

  private DevnetCovenant() {}

  /** The bundled genesis covenant (entry 0 of every devnet covenant). */
  public static JsonNode genesis() {
    try (InputStream in = DevnetCovenant.class.getResourceAsStream(GENESIS)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + GENESIS + " is missing from the build");
      }
      return Json.parse(in.readAllBytes(), GENESIS, Covenant.LIMITS);
    } catch (IOException e) {
      throw new UncheckedIOException(GENESIS + ": " + e.getMessage(), e);
    }
  }

  /** The covenant log's origin (and log key name) for the validator {@code validator}. */
  public static String origin(String validator) {
    return "aurelius.dev/covenant/" + validator;
  }

  /** The verifier key {@code corpus verify --trusted-keys} takes for that validator's covenant. */
  static String trustedKey(String validator, Ed25519KeyPair logKey) {
    return new NoteSigner(origin(validator), logKey).verifierKey().format();
  }

  /**
   * Creates the covenant log of {@code validator} in {@code nodeHome}, signed with {@code logKey}.
   *
   * @return its directory
   */
  static Path create(Path nodeHome, String validator, Ed25519KeyPair logKey) {
    Path dir = nodeHome.resolve(DIRECTORY);
    try (CovenantLog log =
        CovenantLog.create(dir, origin(validator), logKey, Clock.systemUTC(), genesis())) {
      return dir;
    } catch (LogException | InvalidCovenantException e) {
      throw new IllegalStateException(dir + ": " + e.getMessage(), e);
    }
  }

  /** The covenant in force at the head of the log in {@code dir}. */
  public static Covenant current(Path dir) {
    try (GitLog log = GitLog.open(dir)) {
      return CovenantLog.replay(log.head());
    } catch (LogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InvalidCovenantException e) {
      throw new IllegalStateException(dir + ": " + e.getMessage(), e);
    }
  }
}
