package io.aurelius.config.module;

import io.aurelius.core.hash.ContentId;

/** A world-model module: one of the three kinds, all data. */
public sealed interface Module permits MechanicPack, MemoryPolicy, FramingPack {
  ModuleInfo info();

  default ContentId id() {
    return info().id();
  }

  default String name() {
    return info().name();
  }

  default ModuleKind kind() {
    return info().kind();
  }
}
