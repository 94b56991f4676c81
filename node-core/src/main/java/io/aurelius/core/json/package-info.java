/**
 * JSON as the project reads and hashes it: a strict reader for untrusted documents (bounded size
 * and depth, duplicate keys refused, one-line errors with a JSON path) and RFC 8785 (JCS) canonical
 * bytes, the only form that is ever signed or hashed. Depends on Jackson and nothing else of the
 * project.
 */
package io.aurelius.core.json;
