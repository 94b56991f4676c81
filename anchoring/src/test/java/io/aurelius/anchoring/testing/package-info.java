/**
 * Test fixtures of the anchoring module, shipped in its test-jar for the node's command tests:
 * sample corpus entries and covenants, and an attacker's tools for tamper-evidence tests.
 */
package io.aurelius.anchoring.testing;
