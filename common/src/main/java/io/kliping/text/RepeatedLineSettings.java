package io.kliping.text;

/** STUB until the helper lands. */
public record RepeatedLineSettings(boolean enabled, int minArticles, double minShare, int maxChars)
    implements java.io.Serializable {
  public static RepeatedLineSettings defaults() {
    return new RepeatedLineSettings(true, 5, 0.01, 200);
  }
}
