package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.transport.netty.NettyTransport;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator on a chain whose weights it cannot set (a Subtensor subnet that takes only
 * drand-timelocked commits) refuses to start, with the chain's one line, before it opens or creates
 * anything.
 */
class UnsettableWeightsTest {
  @TempDir Path home;

  @Test
  void theValidatorRefusesBeforeItStarts() throws Exception {
    String refusal =
        "subnet 1 takes weights only as commit-reveal v4 (drand-timelocked commits), which this"
            + " node does not implement";
    Chain chain =
        (Chain)
            Proxy.newProxyInstance(
                Chain.class.getClassLoader(),
                new Class<?>[] {Chain.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("checkWeightsSupported")) {
                    throw new UnsupportedOperationException(refusal);
                  }
                  throw new AssertionError("asked the chain " + method.getName() + " first");
                });
    ValidatorSettings settings = TestNet.settings(home.resolve("validator"));
    ValidatorService service =
        ValidatorService.builder(settings, Ed25519KeyPair.generate())
            .chain(chain)
            .transport(NettyTransport.INSTANCE)
            .autoEpochs(false)
            .build();
    assertThatThrownBy(service::start)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(refusal);
    assertThat(Files.exists(settings.validatorDir())).isFalse();
  }
}
