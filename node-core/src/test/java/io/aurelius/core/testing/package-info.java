/**
 * Test fixtures every module's tests reuse: the locator of the repository's {@code testdata/}, the
 * Python peers of the interop tests ({@code InteropPeer}) and test doubles.
 */
package io.aurelius.core.testing;
