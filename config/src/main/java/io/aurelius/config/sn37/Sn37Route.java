package io.aurelius.config.sn37;

/** The SN37 route and the protocol version its peers compare (docs/protocol.md). */
public final class Sn37Route {
  /** The one POST path of SN37's btauth/1 transport ({@code aurelius/transport.py} ROUTE). */
  public static final String PATH = "/aurelius/v1/scenario_config";

  /**
   * SN37's {@code PROTOCOL_VERSION} ({@code aurelius/common/version.py}); its validators reject a
   * miner whose {@code miner_protocol_version} has another major version.
   */
  public static final String PROTOCOL_VERSION = "1.1.0";

  private Sn37Route() {}
}
