package io.aurelius.validator.epoch;

import java.util.Comparator;
import java.util.List;

/** The epoch's submissions in UID order, as the admission step recorded them. */
public record Submissions(List<SubmissionRecord> all) {
  public Submissions {
    all = all.stream().sorted(Comparator.comparingInt(SubmissionRecord::uid)).toList();
  }

  /** An admitted configuration with the submission that carried it. */
  public record AdmittedConfiguration(
      SubmissionRecord record, String configId, SubmissionContent.Configuration configuration) {}

  /** An admitted world-model module with the submission that carried it. */
  public record AdmittedModule(
      SubmissionRecord record, String moduleId, SubmissionContent.Module module) {}

  /** The admitted modules, in UID order. */
  public List<AdmittedModule> modules() {
    return all.stream()
        .filter(SubmissionRecord::admitted)
        .filter(r -> r.content().orElse(null) instanceof SubmissionContent.Module)
        .map(
            r ->
                new AdmittedModule(
                    r,
                    r.configId().orElseThrow(),
                    (SubmissionContent.Module) r.content().orElseThrow()))
        .toList();
  }

  /** The admitted configurations, in UID order. */
  public List<AdmittedConfiguration> configurations() {
    return all.stream()
        .filter(SubmissionRecord::admitted)
        .filter(r -> r.content().orElse(null) instanceof SubmissionContent.Configuration)
        .map(
            r ->
                new AdmittedConfiguration(
                    r,
                    r.configId().orElseThrow(),
                    (SubmissionContent.Configuration) r.content().orElseThrow()))
        .toList();
  }
}
