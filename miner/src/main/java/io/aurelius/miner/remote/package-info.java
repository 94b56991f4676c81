/**
 * Fetching a published configuration from another node's git endpoint for forking: {@link
 * io.aurelius.miner.remote.ConfigRef} parses {@code URL#ID} (a full id or a unique prefix), {@link
 * io.aurelius.miner.remote.RemoteConfigs} fetches the repository's branch tips with JGit into a
 * temporary bare repository (bounded in objects and time), finds the configuration by id and
 * returns its bytes. The remote is untrusted: sizes are checked before reading, and a file's id is
 * recomputed from its content. Depends on the config module and JGit.
 */
package io.aurelius.miner.remote;
