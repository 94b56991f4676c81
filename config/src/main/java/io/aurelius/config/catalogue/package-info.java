/**
 * The bundled catalogue of original scenarios, shipped as configuration documents in the module's
 * resources and listed in {@code catalogue/index.txt}. Depends on the {@code io.aurelius.config}
 * facade; used by the CLI, the miner (as seeds) and tests.
 */
package io.aurelius.config.catalogue;
