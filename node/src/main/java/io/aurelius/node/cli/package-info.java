/**
 * The {@code aurelius} command: picocli commands, the settings cascade (flag &gt; environment &gt;
 * YAML file &gt; default), exit codes and the one-line error style. Commands turn options into the
 * domain modules' records and call them; no domain logic lives here.
 */
package io.aurelius.node.cli;
