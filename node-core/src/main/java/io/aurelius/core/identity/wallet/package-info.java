/**
 * Bittensor wallets as btcli and the Bittensor SDK keep them: {@code ~/.bittensor/wallets/NAME/}
 * with {@code coldkey}, {@code coldkeypub.txt} and {@code hotkeys/HOTKEY}, read and written without
 * any key math. A {@link io.aurelius.core.identity.wallet.BittensorWallet} names the files and
 * reads or writes them; {@link io.aurelius.core.identity.wallet.Keyfile} is one file (its JSON, its
 * encryption, strict checks with one-line errors); {@link
 * io.aurelius.core.identity.wallet.KeyfileData} is what a file holds: the {@link
 * io.aurelius.core.identity.wallet.AccountId} (public key and SS58 address), the {@link
 * io.aurelius.core.identity.wallet.CryptoType} and the secrets as {@link
 * io.aurelius.core.identity.wallet.SecretMaterial} (a phrase, a 32-byte mini secret or a 64-byte
 * sr25519 secret key).
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * BittensorWallet wallet =
 *     new BittensorWallet(BittensorWallet.defaultWalletsDirectory(), "default");
 * KeyfileData hotkey = wallet.readHotkey("default");        // plain JSON
 * KeyfileData coldkey = wallet.readColdkey(passphrase);     // $NACL, Fernet, Ansible Vault
 * KeyMaterial material = coldkey.keyMaterial().orElseThrow(); // scheme, account, secret
 * }</pre>
 *
 * {@link io.aurelius.core.identity.wallet.WalletKeys} is the one place with key math: it turns
 * {@link io.aurelius.core.identity.wallet.KeyMaterial} into a {@code core.crypto.Signer} through
 * the sr25519 and Ed25519 key pairs, refusing a secret whose public key is not {@code
 * material.account()}, and makes new keys (a BIP-39 phrase and the keyfile the SDK would write).
 * {@code BittensorWallet} also copies a wallet's files byte for byte ({@code copyHotkeyFrom},
 * {@code copyColdkeyFrom}) for {@code aurelius keys import}. Errors are {@link
 * io.aurelius.core.identity.KeyStoreException}s (CORRUPTED, WRONG_PASSPHRASE, NOT_FOUND,
 * ALREADY_EXISTS, IO). Files are written atomically with mode 0600. Formats: docs/wallets.md.
 *
 * <p>Depends on {@code core.crypto} (secretbox, Argon2i, PBKDF2, Fernet, Ansible Vault, the key
 * pairs, Substrate mnemonics), {@code core.identity} (SS58 through {@code KeyId}, {@code
 * KeyStoreException}) and {@code core.json}; never on BouncyCastle directly.
 */
package io.aurelius.core.identity.wallet;
