package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.extrinsic.AddStake;
import io.aurelius.core.chain.extrinsic.RemoveStake;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.identity.KeyId;

/**
 * Money: a coldkey stakes free balance on a hotkey it owns, unstakes it, or transfers free balance.
 * Stake belongs to the hotkey (it stays when a UID is pruned). There is no delegation: only the
 * owning coldkey stakes on its hotkey.
 */
final class BalanceRules {
  private BalanceRules() {}

  static Checked<Runnable> addStake(ChainState s, KeyId coldkey, AddStake call) {
    Checked<ChainState.Hotkey> owned = owned(s, coldkey, call.hotkey());
    if (owned.failed()) {
      return Checked.fail(owned.rejection());
    }
    long balance = s.balance(coldkey);
    if (balance < call.amount()) {
      return Checked.fail(
          RejectReason.INSUFFICIENT_BALANCE,
          "balance " + balance + " (expected: at least " + call.amount() + ")");
    }
    return Checked.ok(
        () -> {
          s.account(coldkey).balance -= call.amount();
          owned.value().stake += call.amount();
        });
  }

  static Checked<Runnable> removeStake(ChainState s, KeyId coldkey, RemoveStake call) {
    Checked<ChainState.Hotkey> owned = owned(s, coldkey, call.hotkey());
    if (owned.failed()) {
      return Checked.fail(owned.rejection());
    }
    long stake = owned.value().stake;
    if (stake < call.amount()) {
      return Checked.fail(
          RejectReason.INSUFFICIENT_STAKE,
          "stake "
              + stake
              + " on "
              + call.hotkey()
              + " (expected: at least "
              + call.amount()
              + ")");
    }
    return Checked.ok(
        () -> {
          owned.value().stake -= call.amount();
          s.account(coldkey).balance += call.amount();
        });
  }

  static Checked<Runnable> transfer(ChainState s, KeyId coldkey, Transfer call) {
    long balance = s.balance(coldkey);
    if (balance < call.amount()) {
      return Checked.fail(
          RejectReason.INSUFFICIENT_BALANCE,
          "balance " + balance + " (expected: at least " + call.amount() + ")");
    }
    return Checked.ok(
        () -> {
          s.account(coldkey).balance -= call.amount();
          s.account(call.to()).balance += call.amount();
        });
  }

  private static Checked<ChainState.Hotkey> owned(ChainState s, KeyId coldkey, KeyId hotkey) {
    ChainState.Hotkey h = s.hotkeys.get(hotkey);
    if (h == null) {
      return Checked.fail(
          RejectReason.NOT_REGISTERED, "hotkey " + hotkey + " was never registered");
    }
    if (!h.owner.equals(coldkey)) {
      return Checked.fail(
          RejectReason.NOT_HOTKEY_OWNER, "hotkey " + hotkey + " belongs to coldkey " + h.owner);
    }
    return Checked.ok(h);
  }
}
