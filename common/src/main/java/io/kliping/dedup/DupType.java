package io.kliping.dedup;

/** How an article relates to the canonical article of its cluster ({@code dup_type} column). */
public enum DupType {
  /** The canonical article itself (also every article without duplicates). */
  UNIQUE("unique"),
  /** Same normalised content as the canonical article. */
  EXACT("exact"),
  /** Estimated Jaccard similarity with the cluster at or above the threshold. */
  NEAR("near");

  private final String label;

  DupType(String label) {
    this.label = label;
  }

  /** The value stored in the {@code dup_type} column. */
  public String label() {
    return label;
  }
}
