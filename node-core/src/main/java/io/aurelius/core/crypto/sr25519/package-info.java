/**
 * sr25519 (Schnorrkel over Ristretto255, as Substrate and Bittensor use it) and the Substrate key
 * machinery around it: Merlin transcripts over STROBE-128, mini-secret expansion, signing and
 * strict verification under the {@code substrate} context, hard and soft derivation, the Ed25519
 * hard derivation, and BIP39 mnemonics turned into mini secrets Substrate's way. Verification keeps
 * a bounded cache of decoded public keys with precomputed tables ({@code VerifyingPoints}); signing
 * uses only the constant-time table of the base point.
 *
 * <p>Sources: w3f/schnorrkel {@code src/sign.rs}, {@code src/keys.rs}, {@code src/derive.rs}
 * (v0.11.5); dalek-cryptography/merlin; paritytech/polkadot-sdk {@code
 * substrate/primitives/core/src/{sr25519,ed25519,crypto}.rs}; paritytech/substrate-bip39. The
 * node's signing seam ({@link io.aurelius.core.crypto.Signer} and friends) wraps this package in
 * {@link io.aurelius.core.crypto.Sr25519KeyPair}; other code should not need it directly.
 * Ristretto255 arithmetic is {@code cafe.cryptography:curve25519-elisabeth}, used only here.
 */
package io.aurelius.core.crypto.sr25519;
