package io.aurelius.core.chain.dev;

import static io.aurelius.core.chain.dev.DevNet.cold;
import static io.aurelius.core.chain.dev.DevNet.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.Transfer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockProducerTest {
  @TempDir Path dir;
  private final DevNet net = new DevNet();

  @Test
  void producesBlocksOnItsOwnThreadAndAnswersTheInboxOnceSealed() throws Exception {
    ChainDataDir data = new ChainDataDir(dir);
    List<SealedBlock> blocks = new CopyOnWriteArrayList<>();
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      ChainInbox client = new ChainInbox(data);
      String good = client.post(Extrinsic.sign(chain.chainId(), key(1), 0, new Transfer(cold(2), 7)));
      String stale = client.post(Extrinsic.sign(chain.chainId(), key(2), 3, new Transfer(cold(1), 7)));
      Files.createDirectories(data.inbox());
      Files.writeString(data.inbox().resolve("a".repeat(64) + ".json"), "{not json");

      BlockProducer producer = new BlockProducer(chain, new ChainInbox(data), 20, 6, blocks::add);
      producer.start();
      Receipt first = client.awaitReceipt(good, Duration.ofSeconds(10)).orElseThrow();
      Receipt second = client.awaitReceipt(stale, Duration.ofSeconds(10)).orElseThrow();
      Receipt third = client.awaitReceipt("a".repeat(64), Duration.ofSeconds(10)).orElseThrow();
      producer.awaitDone();
      producer.stop();

      assertThat(first).isInstanceOf(Receipt.Accepted.class);
      long included = ((Receipt.Accepted) first).block();
      assertThat(chain.currentBlock()).isGreaterThanOrEqualTo(included); // answered only once stored
      assertThat(((Receipt.Rejected) second).reason()).isEqualTo(RejectReason.WRONG_NONCE);
      assertThat(((Receipt.Rejected) third).reason()).isEqualTo(RejectReason.MALFORMED);
      assertThat(blocks).hasSize(6);
      assertThat(blocks).extracting(SealedBlock::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(blocks.get(0).epoch()).isPresent(); // sealing block 1 opened block 2: an epoch
      assertThat(blocks.get(1).epoch()).isEmpty();
      assertThat(producer.failure()).isEmpty();
      assertThat(chain.account(cold(2)).orElseThrow().balance()).isEqualTo(10_007);
      try (var files = Files.list(data.inbox())) {
        assertThat(files.filter(p -> p.toString().endsWith(".json"))).isEmpty();
      }
    }
  }
}
