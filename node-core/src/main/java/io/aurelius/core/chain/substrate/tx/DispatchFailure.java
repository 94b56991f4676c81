package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.Variant;
import io.aurelius.core.chain.substrate.value.Value;
import java.util.Map;
import java.util.Optional;

/**
 * Why an included extrinsic failed, by name: a pallet's error ({@code DispatchError::Module},
 * resolved through the metadata to e.g. {@code SubtensorModule.SettingWeightsTooFast}) or another
 * {@code DispatchError} variant: in {@code pallet} the variant that nests one ({@code
 * Token.FundsUnavailable}), or an empty pallet ({@code BadOrigin}).
 */
public record DispatchFailure(String pallet, String error, String docs) {
  public DispatchFailure {
    requireNonNull(pallet, "pallet");
    requireNonNull(error, "error");
    requireNonNull(docs, "docs");
  }

  private static final Map<String, RejectReason> BY_ERROR =
      Map.ofEntries(
          Map.entry("HotKeyNotRegisteredInSubNet", RejectReason.NOT_REGISTERED),
          Map.entry("HotKeyNotRegisteredInNetwork", RejectReason.NOT_REGISTERED),
          Map.entry("HotKeyAccountNotExists", RejectReason.NOT_REGISTERED),
          Map.entry("HotKeyAlreadyRegisteredInSubNet", RejectReason.ALREADY_REGISTERED),
          Map.entry("NonAssociatedColdKey", RejectReason.NOT_HOTKEY_OWNER),
          Map.entry("TransactorAccountShouldBeHotKey", RejectReason.NOT_HOTKEY_OWNER),
          Map.entry("NotEnoughBalanceToStake", RejectReason.INSUFFICIENT_BALANCE),
          Map.entry("InsufficientBalance", RejectReason.INSUFFICIENT_BALANCE),
          Map.entry("BalanceWithdrawalError", RejectReason.INSUFFICIENT_BALANCE),
          Map.entry("CannotAffordLockCost", RejectReason.INSUFFICIENT_BALANCE),
          Map.entry("ExistentialDeposit", RejectReason.INSUFFICIENT_BALANCE),
          Map.entry("Expendability", RejectReason.INSUFFICIENT_BALANCE),
          Map.entry("FundsUnavailable", RejectReason.INSUFFICIENT_BALANCE),
          Map.entry("NotEnoughStake", RejectReason.INSUFFICIENT_STAKE),
          Map.entry("NotEnoughStakeToWithdraw", RejectReason.INSUFFICIENT_STAKE),
          Map.entry("AmountTooLow", RejectReason.INVALID_AMOUNT),
          Map.entry("ZeroMaxStakeAmount", RejectReason.INVALID_AMOUNT),
          Map.entry("SubnetNotExists", RejectReason.WRONG_NETUID),
          Map.entry("RootNetworkDoesNotExist", RejectReason.WRONG_NETUID),
          Map.entry("MechanismDoesNotExist", RejectReason.WRONG_NETUID),
          Map.entry("NoNeuronIdAvailable", RejectReason.SUBNET_FULL),
          Map.entry(
              "TooManyRegistrationsThisBlock", RejectReason.TOO_MANY_REGISTRATIONS_THIS_BLOCK),
          Map.entry(
              "TooManyRegistrationsThisInterval", RejectReason.TOO_MANY_REGISTRATIONS_THIS_BLOCK),
          Map.entry("SettingWeightsTooFast", RejectReason.WEIGHTS_RATE_LIMIT),
          Map.entry("CommittingWeightsTooFast", RejectReason.WEIGHTS_RATE_LIMIT),
          Map.entry("WeightVecNotEqualSize", RejectReason.WEIGHT_LENGTH_MISMATCH),
          Map.entry("InputLengthsUnequal", RejectReason.WEIGHT_LENGTH_MISMATCH),
          Map.entry("UidsLengthExceedUidsInSubNet", RejectReason.TOO_MANY_WEIGHTS),
          Map.entry("NotEnoughStakeToSetWeights", RejectReason.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS),
          Map.entry("IncorrectWeightVersionKey", RejectReason.VERSION_KEY_TOO_LOW),
          Map.entry("NeuronNoValidatorPermit", RejectReason.NO_VALIDATOR_PERMIT),
          Map.entry("DuplicateUids", RejectReason.DUPLICATE_UIDS),
          Map.entry("UidVecContainInvalidOne", RejectReason.UNKNOWN_UID),
          Map.entry("WeightVecLengthIsLow", RejectReason.TOO_FEW_WEIGHTS),
          Map.entry("MaxWeightExceeded", RejectReason.MAX_WEIGHT_EXCEEDED),
          Map.entry("CommitRevealEnabled", RejectReason.COMMIT_REVEAL_ENABLED),
          Map.entry("CommitRevealDisabled", RejectReason.COMMIT_REVEAL_DISABLED),
          Map.entry("TooManyUnrevealedCommits", RejectReason.TOO_MANY_PENDING_COMMITS),
          Map.entry("NoWeightsCommitFound", RejectReason.NO_WEIGHTS_COMMIT),
          Map.entry("InvalidRevealCommitHashNotMatch", RejectReason.REVEAL_MISMATCH),
          Map.entry("RevealTooEarly", RejectReason.REVEAL_TOO_EARLY),
          Map.entry("ExpiredWeightCommit", RejectReason.COMMIT_EXPIRED),
          Map.entry("InvalidIpType", RejectReason.INVALID_ENDPOINT),
          Map.entry("InvalidIpAddress", RejectReason.INVALID_ENDPOINT),
          Map.entry("InvalidPort", RejectReason.INVALID_ENDPOINT),
          Map.entry("ServingRateLimitExceeded", RejectReason.RATE_LIMITED),
          Map.entry("StakingRateLimitExceeded", RejectReason.RATE_LIMITED),
          Map.entry("StakingOperationRateLimitExceeded", RejectReason.RATE_LIMITED),
          Map.entry("TxRateLimitExceeded", RejectReason.RATE_LIMITED));

  /** The node's rejection reason for this error; {@code DISPATCH_FAILED} when none is closer. */
  public RejectReason reason() {
    return BY_ERROR.getOrDefault(error, RejectReason.DISPATCH_FAILED);
  }

  /** {@code Pallet.Error}, or the bare variant for non-module errors. */
  public String name() {
    return pallet.isEmpty() ? error : pallet + "." + error;
  }

  /**
   * Reads a decoded {@code sp_runtime::DispatchError}. A module error's first error byte is the
   * error's index in that pallet's error enum (the other bytes carry nested errors, if any).
   */
  public static DispatchFailure of(Value dispatchError, RuntimeMetadata metadata) {
    if (!(dispatchError instanceof Value.Variant v)) {
      throw new IllegalArgumentException(
          "dispatch error: " + dispatchError.getClass().getSimpleName() + " (expected: a variant)");
    }
    if (v.name().equals("Module") && v.fields().size() == 1) {
      Value.Composite module = (Value.Composite) v.fields().get(0).value();
      int pallet = (int) module.field("index").orElseThrow().asLong();
      Value error = module.field("error").orElseThrow().unwrapped();
      int index =
          error instanceof Value.ByteString b
              ? b.bytes().toArray()[0] & 0xff
              : (int) error.asLong();
      Optional<Variant> known = metadata.error(pallet, index);
      String palletName =
          metadata.pallets().stream()
              .filter(p -> p.index() == pallet)
              .map(p -> p.name())
              .findFirst()
              .orElse("pallet " + pallet);
      return known
          .map(k -> new DispatchFailure(palletName, k.name(), String.join(" ", k.docs()).strip()))
          .orElseGet(() -> new DispatchFailure(palletName, "error " + index, ""));
    }
    // Token(FundsUnavailable), Arithmetic(Overflow), ...: the inner variant names the cause.
    if (v.fields().size() == 1 && v.fields().get(0).value() instanceof Value.Variant inner) {
      return new DispatchFailure(v.name(), inner.name(), "");
    }
    return new DispatchFailure("", v.name(), "");
  }
}
