package io.aurelius.miner.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.hash.ContentId;

/** A library configuration as SN37 sees it: its id here, its name and its schema_v1 document. */
record V1Offer(ContentId id, String name, ObjectNode v1) {
  V1Offer {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    v1 = requireNonNull(v1, "v1").deepCopy();
  }

  @Override
  public ObjectNode v1() {
    return v1.deepCopy();
  }
}
