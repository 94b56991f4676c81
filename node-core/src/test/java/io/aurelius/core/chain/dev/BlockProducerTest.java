package io.aurelius.core.chain.dev;

import static io.aurelius.core.chain.dev.DevNet.cold;
import static io.aurelius.core.chain.dev.DevNet.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockProducerTest {
  @TempDir Path dir;
  private final DevNet net = new DevNet();

  @Test
  void producesBlocksOnItsOwnThreadUntilItsBudgetIsSpent() throws Exception {
    List<SealedBlock> blocks = new CopyOnWriteArrayList<>();
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      assertThat(chain.transfer(key(1), cold(2), 7).accepted()).isTrue();
      BlockProducer producer = new BlockProducer(chain, 10, 6, blocks::add);
      producer.start();
      producer.awaitDone();
      producer.stop();
      assertThat(blocks).extracting(SealedBlock::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(blocks.get(0).extrinsics()).isEqualTo(1);
      assertThat(blocks.get(0).epoch()).isPresent(); // sealing block 1 opened block 2: an epoch
      assertThat(blocks.get(1).epoch()).isEmpty();
      assertThat(producer.failure()).isEmpty();
      assertThat(chain.currentBlock()).isEqualTo(6);
    }
  }

  @Test
  void aBlockThatCannotBeStoredStopsProduction() throws Exception {
    DevChain chain = net.create(dir, DevNet.params(false));
    chain.close(); // the block repository is closed underneath the producer
    BlockProducer producer = new BlockProducer(chain, 10, 0, b -> {});
    producer.start();
    producer.awaitDone();
    producer.stop();
    assertThat(producer.failure()).isPresent();
  }
}
