/**
 * The SCALE codec (Parity's Simple Concatenated Aggregate Little-Endian): compact integers in all
 * four modes, fixed-width little-endian integers up to 256 bits, bool, Option, Result, Vec, fixed
 * arrays, strings and enum variant indices. {@link
 * io.aurelius.core.chain.substrate.scale.ScaleReader} decodes untrusted bytes strictly: every
 * length is checked against the remaining input before anything is allocated, and every error is
 * one line naming the path and offset. Depends on nothing outside the JDK.
 */
package io.aurelius.core.chain.substrate.scale;
