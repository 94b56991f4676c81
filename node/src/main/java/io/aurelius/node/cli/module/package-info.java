/**
 * {@code aurelius module}: world-model modules (mechanic packs, memory policies, framing packs).
 */
package io.aurelius.node.cli.module;
