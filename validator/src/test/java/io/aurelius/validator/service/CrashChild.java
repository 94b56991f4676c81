package io.aurelius.validator.service;

import io.aurelius.core.chain.dev.BlockProducer;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The validator process {@link CrashResumeIT} kills: opens the test network's chain from its data
 * directory, runs validator 0 for one epoch, printing {@code STEP <name>} as each step is stored,
 * {@code FINISHED <epoch> <accepted> <corpus size> <weights action>} as each epoch ends and {@code
 * REPORT ...} at the end. Arguments: the network directory and the epoch, or {@code current} for
 * the chain's current epoch as the validator's own loop runs it (finishing interrupted ones first).
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    boolean current = args[1].equals("current");
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    try (DevChain chain =
        DevChain.open(
            new ChainDataDir(dir.resolve("chain")), TestNet.AUTHORITY, InstantSource.system())) {
      BlockProducer blocks = new BlockProducer(chain, 200, 0, b -> {});
      blocks.start();
      ValidatorService v =
          ValidatorService.builder(
                  TestNet.settings(dir.resolve("validator-0")),
                  io.aurelius.core.crypto.Ed25519KeyPair.fromSeed(TestNet.seed(10)))
              .chain(chain)
              .transport(io.aurelius.core.transport.netty.NettyTransport.INSTANCE)
              .autoEpochs(false)
              .listener(
                  new EpochListener() {
                    @Override
                    public void started(long e, boolean resumed) {
                      out.println("STARTED " + resumed);
                    }

                    @Override
                    public void step(long e, String step, String summary) {
                      out.println("STEP " + step);
                    }

                    @Override
                    public void finished(EpochReport r) {
                      out.println(
                          "FINISHED "
                              + r.epoch()
                              + " "
                              + r.aenesAccepted()
                              + " "
                              + r.checkpoint().orElseThrow().size()
                              + " "
                              + r.weights().action());
                    }
                  })
              .build();
      v.start();
      EpochReport r = current ? v.runEpoch() : v.runEpoch(Long.parseLong(args[1]));
      StringBuilder scores = new StringBuilder();
      r.miners().forEach(m -> scores.append(' ').append(m.reward()).append(':').append(m.score()));
      out.println(
          "REPORT "
              + r.submissions().size()
              + " "
              + r.aenesAccepted()
              + " "
              + r.checkpoint().orElseThrow().size()
              + scores);
      v.stop();
      blocks.stop();
    }
    System.exit(0);
  }
}
