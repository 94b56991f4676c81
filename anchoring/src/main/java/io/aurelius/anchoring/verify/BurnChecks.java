package io.aurelius.anchoring.verify;

import io.aurelius.anchoring.burn.BurnRecord;
import io.aurelius.anchoring.burn.InvalidBurnException;
import io.aurelius.anchoring.log.LogPaths;
import io.aurelius.anchoring.log.LogSnapshot;
import io.aurelius.core.hash.ContentId;
import java.util.ArrayList;
import java.util.List;

/** Every burn record: well-formed, for an existing entry with that id, signed by a trusted key. */
final class BurnChecks {
  private final TrustPolicy trust;

  BurnChecks(TrustPolicy trust) {
    this.trust = trust;
  }

  List<BurnRecord> check(LogSnapshot head) throws VerificationFailure {
    List<BurnRecord> out = new ArrayList<>();
    for (long index : LogVerifier.guard(head::burnedEntries, "burns")) {
      String path = LogPaths.burn(index);
      byte[] bytes = LogVerifier.guard(() -> head.read(path).orElseThrow(), path);
      if (index >= head.size()) {
        throw new VerificationFailure(
            path + ": entry " + index + " is not in the log (size " + head.size() + ")");
      }
      try {
        BurnRecord r = BurnRecord.parse(bytes, path);
        if (r.entry() != index) {
          throw new VerificationFailure(path + ": record is for entry " + r.entry());
        }
        ContentId actual =
            ContentId.of(LogVerifier.guard(() -> head.entry(index), "entry " + index));
        if (!actual.equals(r.entryId())) {
          throw new VerificationFailure(
              path
                  + ": names entry id "
                  + r.entryId().shortHex()
                  + " but entry "
                  + index
                  + " is "
                  + actual.shortHex());
        }
        r.verifySignature();
        if (!trust.burnKeys().contains(r.burnedBy().ed25519())) {
          throw new VerificationFailure(
              path + ": signed by " + r.burnedBy().address() + ", not a trusted key");
        }
        out.add(r);
      } catch (InvalidBurnException e) {
        throw new VerificationFailure(e.getMessage());
      }
    }
    return out;
  }
}
