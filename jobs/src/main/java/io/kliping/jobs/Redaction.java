package io.kliping.jobs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from anything kliping prints or writes (error messages, report lines, the
 * run manifest): the password of a URL's user info ({@code s3a://key:secret@bucket} becomes
 * {@code s3a://key:***@bucket}) and the value of any setting whose name says it is secret
 * ({@code fs.s3a.secret.key=…}, {@code password: …}, {@code X-Amz-Signature=…}). Credentials
 * belong in Hadoop's credential providers, but a user may still pass one on a command line.
 */
final class Redaction {
  static final String MASK = "***";

  private static final Pattern USER_INFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]*://)([^/@\\s:]*):([^/@\\s]+)@");
  private static final String SECRET_WORD =
      "(?<![a-z])(?:secret|password|passwd|pwd|token|credentials?|access[._\\-]?key|"
          + "session[._\\-]?key|signature|sas|sig)(?![a-z])";
  private static final Pattern SECRET_SETTING = Pattern.compile(
      "(?i)([\\w.\\-]*" + SECRET_WORD + "[\\w.\\-]*)([\"']?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"')\\]]+)");
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*" + SECRET_WORD + ".*");

  private Redaction() {}

  /** {@code text} with URL passwords and the values of secret-looking settings masked. */
  static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = USER_INFO.matcher(text).replaceAll(
        m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
    return SECRET_SETTING.matcher(out).replaceAll(
        m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
  }

  /** True when a setting of this name holds a secret (its value must never be shown). */
  static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")).matches();
  }
}
