/**
 * The only place the CEL library ({@code dev.cel}) is used: compiling an expression against
 * declared, typed variables under the project's limits (source size, nesting, comprehension nesting
 * and iterations, regex size: {@code matches} is replaced by a bounded, caching one), and
 * evaluating a compiled expression against {@link io.aurelius.config.cel.Bindings}. Everything here
 * speaks the project's own types ({@link io.aurelius.config.cel.ExprType}, {@link
 * io.aurelius.config.cel.CelProblem}, Java {@code Long/Double/Boolean/String} values); no CEL type
 * leaks out. Used by validation and by the world model through {@code
 * io.aurelius.config.CompiledConfig}.
 */
package io.aurelius.config.cel;
