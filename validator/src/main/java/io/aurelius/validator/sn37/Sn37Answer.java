package io.aurelius.validator.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.sn37.WorkToken;

/** What an SN37-style miner's answer came to: a configuration to admit, or a one-line reason. */
public sealed interface Sn37Answer {
  /**
   * A configuration that passed every check: imported and compiled ({@code config}), the schema_v1
   * document as the miner sent it, its work token and the miner's stated version.
   */
  record Accepted(CompiledConfig config, ObjectNode v1, WorkToken token, String minerVersion)
      implements Sn37Answer {
    public Accepted {
      requireNonNull(config, "config");
      v1 = requireNonNull(v1, "v1").deepCopy();
      requireNonNull(token, "token");
      requireNonNull(minerVersion, "minerVersion");
    }

    @Override
    public ObjectNode v1() {
      return v1.deepCopy();
    }
  }

  /** An answer refused, with what was wrong, where, and what was expected. */
  record Refused(String reason) implements Sn37Answer {
    public Refused {
      requireNonNull(reason, "reason");
    }
  }
}
