/**
 * The miner's configuration library: a bare git repository ({@code <home>/miner/library.git})
 * holding one file per configuration, {@code configs/<id>.json}, with a commit per addition, so it
 * can be served read-only over git smart HTTP and cloned with stock git. Lineage is in the
 * documents themselves ({@code parent}); the library is a {@link
 * io.aurelius.config.lineage.ConfigStore}, so it can walk it. JGit is used here and in {@code
 * io.aurelius.miner.remote} only. Depends on the config module; used by the miner service and the
 * CLI.
 */
package io.aurelius.miner.library;
