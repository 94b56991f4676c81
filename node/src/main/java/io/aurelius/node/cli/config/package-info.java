/**
 * The {@code aurelius config} commands: validate, lint, id, schema, fork, lineage, import-v1,
 * export-v1 and catalogue. They read and write files and print; every rule they apply lives in the
 * config module. Depends on {@code io.aurelius.node.cli} and the config module's public packages.
 */
package io.aurelius.node.cli.config;
