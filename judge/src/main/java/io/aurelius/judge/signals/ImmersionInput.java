package io.aurelius.judge.signals;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configuration's runs under both framings.
 *
 * @param immersiveActions how often each action was taken under the immersive framing
 * @param controlActions the same under the control (explicit game) framing
 * @param immersiveDlv mean DLV of the immersive aenes
 * @param controlDlv mean DLV of the control aenes
 * @param immersiveAenes how many immersive aenes there were
 * @param awareAenes how many immersive aenes state evaluation awareness
 */
public record ImmersionInput(
    Map<String, Integer> immersiveActions,
    Map<String, Integer> controlActions,
    double immersiveDlv,
    double controlDlv,
    int immersiveAenes,
    int awareAenes) {
  public ImmersionInput {
    immersiveActions =
        Collections.unmodifiableMap(
            new TreeMap<>(requireNonNull(immersiveActions, "immersiveActions")));
    controlActions =
        Collections.unmodifiableMap(
            new TreeMap<>(requireNonNull(controlActions, "controlActions")));
    if (!(immersiveDlv >= 0 && immersiveDlv <= 1) || !(controlDlv >= 0 && controlDlv <= 1)) {
      throw new IllegalArgumentException(
          "dlv: " + immersiveDlv + ", " + controlDlv + " (expected: 0..1)");
    }
    if (immersiveAenes < 0 || awareAenes < 0 || awareAenes > immersiveAenes) {
      throw new IllegalArgumentException(
          "aware aenes: "
              + awareAenes
              + " of "
              + immersiveAenes
              + " (expected: 0..immersive aenes)");
    }
  }
}
