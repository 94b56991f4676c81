package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.yuma.YumaOutput;
import java.util.Optional;

/**
 * The dev chain's state transition function, the same for live blocks and for replay: {@link
 * #openBlock} (Subtensor's on_initialize: reset per-block counters, run the epoch when due), then
 * {@link #apply} for each extrinsic of the block, then {@link #stateRoot}.
 */
final class StateMachine {
  final ChainState state;

  StateMachine(Genesis genesis) {
    this.state = ChainState.fromGenesis(genesis);
  }

  Optional<YumaOutput> openBlock(long number) {
    if (number != state.block + 1) {
      throw new IllegalStateException("block " + number + " opened after " + state.block);
    }
    state.block = number;
    state.registrationsThisBlock = 0;
    return state.params.isEpochBlock(number)
        ? Optional.of(EpochRunner.run(state))
        : Optional.empty();
  }

  Receipt apply(Extrinsic x) {
    return Transition.apply(state, x, state.block);
  }

  String stateRoot() {
    return StateDigest.of(state);
  }
}
