package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.validator.publish.ConfigsRepository;
import io.aurelius.validator.store.ValidatorStore;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes the configurations that passed the DLV gate in {@code configs.git} (a commit per epoch;
 * publishing one again changes nothing) and adds them to novelty's corpus.
 */
final class PublishStep implements EpochStep<PublishStep.Input, Records.Published> {
  record Input(Submissions submissions, Records.Scored scored) {}

  private final ValidatorStore store;
  private final ConfigsRepository configs;
  private final EpochListener listener;

  PublishStep(ValidatorStore store, ConfigsRepository configs, EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.configs = requireNonNull(configs, "configs");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.PUBLISH;
  }

  @Override
  public Records.Published run(long epoch, Input in) {
    if (store.done(epoch, Steps.PUBLISH)) {
      return store
          .item(epoch, Steps.PUBLISH, "result")
          .map(b -> StoredJson.read(b, Records.Published.class))
          .orElse(new Records.Published(0));
    }
    Map<String, JsonNode> docs = new HashMap<>();
    for (Submissions.AdmittedConfiguration c : in.submissions().configurations()) {
      if (in.scored().passedConfigs().contains(c.configId())) {
        docs.put(c.configId(), c.configuration().document());
      }
    }
    int added = configs.publish(epoch, docs);
    Records.Published done = new Records.Published(added);
    store.atomically(
        tx -> {
          docs.forEach(
              (id, doc) ->
                  tx.putItem(AdmitStep.GLOBAL, ScoreStep.PUBLISHED, id, CanonicalJson.bytes(doc)));
          tx.putItem(epoch, Steps.PUBLISH, "result", StoredJson.bytes(done));
          tx.markDone(epoch, Steps.PUBLISH);
          return null;
        });
    listener.step(epoch, Steps.PUBLISH, added + " configurations published");
    return done;
  }
}
