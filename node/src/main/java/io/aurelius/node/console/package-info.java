/**
 * The web console every node serves on its one port: the read-only JSON API below {@code /api/v1/}
 * (documented by {@code docs/api/openapi.json}, served at {@code /api/v1/openapi.json}) for the
 * chain, the validator, its corpus and the miner, and the TypeScript front end the build bundles
 * into this package's {@code web/} resources. {@link io.aurelius.node.console.NodeConsole} gives
 * each role its {@link io.aurelius.core.ops.Console}; every list is bounded; outputs of the
 * simulation model carry {@code "sim": true}. See docs/console.md.
 */
package io.aurelius.node.console;
