package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.InvalidEntryException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.validator.consensus.ConsensusBook;
import io.aurelius.validator.consensus.Decision;
import io.aurelius.validator.consensus.Proposal;
import io.aurelius.validator.consensus.SignedVerdict;
import io.aurelius.validator.publish.CorpusAnchor;
import io.aurelius.validator.store.ValidatorStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 9: appends the accepted aenes to the corpus log as one batch in aene-id order. The batch is
 * planned (start index and entry lines) and stored before it is appended, so a retry after a crash
 * recognises a batch already appended and never appends it twice.
 */
final class AnchorStep implements EpochStep<AnchorStep.Input, Records.Anchored> {
  private static final Logger LOG = LoggerFactory.getLogger(AnchorStep.class);

  record Input(MetagraphSnapshot graph, Records.Agreed agreed) {}

  private final ValidatorStore store;
  private final ConsensusBook book;
  private final CorpusAnchor corpus;
  private final EpochListener listener;

  AnchorStep(
      ValidatorStore store, ConsensusBook book, CorpusAnchor corpus, EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.book = requireNonNull(book, "book");
    this.corpus = requireNonNull(corpus, "corpus");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.ANCHOR;
  }

  @Override
  public Records.Anchored run(long epoch, Input in) {
    var stored = store.item(epoch, Steps.ANCHOR, "result");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), Records.Anchored.class);
    }
    try {
      Records.AnchorPlan plan =
          store
              .item(epoch, Steps.ANCHOR_PLAN, "plan")
              .map(b -> StoredJson.read(b, Records.AnchorPlan.class))
              .orElse(null);
      if (plan == null) {
        List<String> lines =
            entries(epoch, in).stream()
                .map(e -> new String(e.bytes(), StandardCharsets.UTF_8))
                .toList();
        plan = new Records.AnchorPlan(corpus.size(), lines);
        store.putItem(epoch, Steps.ANCHOR_PLAN, "plan", StoredJson.bytes(plan));
      }
      List<CorpusEntry> entries = new ArrayList<>();
      for (String line : plan.entries()) {
        entries.add(
            CorpusEntry.parse(line.getBytes(StandardCharsets.UTF_8), "planned corpus entry"));
      }
      if (!entries.isEmpty()) {
        var appended = corpus.append(plan.start(), entries);
        if (appended.alreadyPresent()) {
          LOG.info("epoch {}: corpus batch at {} was already appended", epoch, plan.start());
        }
      }
      long size = corpus.size();
      String root = Base64.getEncoder().encodeToString(corpus.root(size).orElseThrow());
      Records.Anchored done = new Records.Anchored(plan.start(), entries.size(), size, root);
      store.atomically(
          tx -> {
            tx.putItem(epoch, Steps.ANCHOR, "result", StoredJson.bytes(done));
            tx.markDone(epoch, Steps.ANCHOR);
            return null;
          });
      listener.step(epoch, Steps.ANCHOR, entries.size() + " entries appended; corpus size " + size);
      return done;
    } catch (LogException | InvalidEntryException e) {
      throw new IllegalStateException("epoch " + epoch + ": corpus log: " + e.getMessage(), e);
    }
  }

  /** The accepted aenes' entries in aene-id order, with the approvals held now. */
  private List<CorpusEntry> entries(long epoch, Input in) {
    Map<String, Proposal> proposals = book.proposals(epoch);
    Map<String, List<SignedVerdict>> verdicts = book.verdicts(epoch);
    List<CorpusEntry> out = new ArrayList<>();
    for (String id : in.agreed().accepted().stream().sorted().toList()) {
      Proposal p = proposals.get(id);
      if (p != null) {
        out.add(
            CorpusEntries.of(
                epoch,
                Decision.approvals(
                    p, verdicts.getOrDefault(id, List.of()), in.graph().validatorSet())));
      }
    }
    return out;
  }
}
