package io.kliping.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical form of an article URL, so that the same article reached through a campaign link, a
 * different letter case in the host or an explicit default port gets the same id.
 *
 * <p>Lower-cases scheme and host, drops default ports, the fragment, tracking parameters ({@code
 * utm_*}, {@code fbclid}, {@code gclid}, ...) and empty parameters, sorts the remaining parameters
 * and strips a trailing slash from the path (the root stays {@code /}). The path itself and the
 * parameter values are kept as written: servers may treat them case-sensitively.
 */
public final class UrlNormalizer {

  private static final Set<String> TRACKING_PARAMS =
      Set.of(
          "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid",
          "mc_eid", "_ga", "_gl", "ocid", "cmpid", "spm");

  private UrlNormalizer() {}

  /** The canonical URL, or null when {@code url} is blank, relative or not a URL. */
  public static String normalize(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(escapeIllegal(url.strip()));
    } catch (URISyntaxException e) {
      return null;
    }
    String scheme = uri.getScheme();
    String host = uri.getHost();
    if (scheme == null || host == null) {
      return null;
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }

    StringBuilder out = new StringBuilder(url.length());
    out.append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(host);
    int port = uri.getPort();
    if (port != -1 && !isDefaultPort(scheme, port)) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    int end = path.length();
    while (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    out.append(path, 0, end);
    String query = canonicalQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static boolean isDefaultPort(String scheme, int port) {
    return (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String param : rawQuery.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.isEmpty() || name.startsWith("utm_") || TRACKING_PARAMS.contains(name)) {
        continue;
      }
      kept.add(param);
    }
    Collections.sort(kept);
    return String.join("&", kept);
  }

  /**
   * Percent-encodes what scrapers leave raw but {@link URI} rejects: spaces, non-ASCII, and a few
   * ASCII characters that are illegal in URIs.
   */
  private static String escapeIllegal(String url) {
    StringBuilder out = null;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean illegal = c <= ' ' || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0;
      if (!illegal) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(url.length() + 16).append(url, 0, i);
      }
      int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
      for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
      i = end - 1;
    }
    return out == null ? url : out.toString();
  }
}
