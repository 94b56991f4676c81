/**
 * Git's SSH signature format for commits: SSHSIG (OpenSSH PROTOCOL.sshsig, namespace "git",
 * SHA-512, Ed25519) written as a {@code gpgsig} header exactly as git writes it, so stock {@code
 * git verify-commit} with an allowed-signers file accepts the commits, and the same check done in
 * Java. Depends on node-core's Ed25519 and on JGit; used by the log package.
 */
package io.aurelius.anchoring.gitsign;
