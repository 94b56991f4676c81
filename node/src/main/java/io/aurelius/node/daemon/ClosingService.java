package io.aurelius.node.daemon;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.service.AbstractService;

/**
 * Closes a resource (a protocol client, a store) when the node stops. Add it to the controller
 * before the services that use the resource, so it is closed after them.
 */
public final class ClosingService extends AbstractService {
  private final String name;
  private final AutoCloseable resource;

  public ClosingService(String name, AutoCloseable resource) {
    this.name = requireNonNull(name, "name");
    this.resource = requireNonNull(resource, "resource");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected void doStart() {}

  @Override
  protected void doStop() throws Exception {
    resource.close();
  }
}
