/**
 * Test fixtures every module's tests reuse: the locator of the repository's {@code testdata/} and
 * test doubles.
 */
package io.aurelius.core.testing;
