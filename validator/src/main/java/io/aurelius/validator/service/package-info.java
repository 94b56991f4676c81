/**
 * The validator node: {@link io.aurelius.validator.service.ValidatorService} (a node-core {@code
 * Service}) with its settings, its server (signed routes {@code validator/verdicts} and {@code
 * validator/cosign}, read-only git under {@code /git/configs.git}, {@code /git/corpus.git} and
 * {@code /git/world-model.git}, the hotkey-signed statement of its cosignature key at {@code
 * /corpus/witness-key}, plus whatever plain routes the node adds through {@code
 * Builder.server(...)}), its epoch loop (one epoch per chain tempo) and the programmatic {@code
 * runEpoch()}/{@code runEpochs(n)} the devnet and tests use.
 *
 * <pre>{@code
 * ValidatorSettings settings = ValidatorSettings.defaults(home)
 *     .withBind(new InetSocketAddress("127.0.0.1", 0))
 *     .withModels(List.of("openai:http://127.0.0.1:9000/v1#sim"));
 * ValidatorService validator = ValidatorService.builder(settings, hotkeyPair)
 *     .chain(chain)                                  // a DevChain, a RemoteChain, ...
 *     .server(spec -> spec.plain("/healthz", Set.of("GET"), r -> ...))
 *     .autoEpochs(false)                             // the devnet drives epochs itself
 *     .build();
 * validator.start();
 * EpochReport report = validator.runEpoch();         // waits for the chain's next epoch if needed
 * }</pre>
 *
 * Used by the node module's CLI and devnet; depends on every package of this module.
 */
package io.aurelius.validator.service;
