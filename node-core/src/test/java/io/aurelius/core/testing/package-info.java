/** Test fixtures shared by every module's tests: the shared test-data locator and doubles. */
package io.aurelius.core.testing;
