package io.kliping.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Layers the bundled reference configuration ({@code conf/kliping.conf}, on the classpath as
 * {@code kliping/kliping.conf}), an optional user file and {@code key=value} overrides, and
 * rejects any key the reference does not define, so a misspelt option fails instead of being
 * ignored.
 */
public final class ConfigLoader {
  /** Classpath location of the bundled reference configuration. */
  public static final String REFERENCE_RESOURCE = "kliping/kliping.conf";

  private ConfigLoader() {}

  /**
   * @param userFile  optional HOCON file with the keys the user changes
   * @param overrides {@code path=value} pairs in precedence order (later wins); values are HOCON
   *                  (numbers, booleans, lists such as {@code [a, b]}) or plain strings
   */
  public static KlipingConfig load(Optional<File> userFile, List<String> overrides) {
    Config merged = loadMerged(userFile, overrides);
    try {
      return KlipingConfig.from(merged.getConfig("kliping"));
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("invalid configuration: " + e.getMessage(), e);
    }
  }

  /**
   * The layered, resolved configuration with unknown keys rejected, for blocks that are read
   * by their own settings classes (e.g. {@code kliping.report}) rather than by
   * {@link KlipingConfig}.
   */
  public static Config loadMerged(Optional<File> userFile, List<String> overrides) {
    Config reference = ConfigFactory.parseResources(
        ConfigLoader.class.getClassLoader(), REFERENCE_RESOURCE,
        ConfigParseOptions.defaults().setAllowMissing(false));
    Config user = ConfigFactory.empty();
    if (userFile.isPresent()) {
      File f = userFile.get();
      if (!f.isFile()) {
        throw new ConfigException("config file not found: " + f.getPath());
      }
      user = parse(() -> ConfigFactory.parseFile(f, ConfigParseOptions.defaults()
          .setSyntax(ConfigSyntax.CONF).setAllowMissing(false)), "config file " + f.getPath());
    }
    Config cli = ConfigFactory.empty();
    for (String override : overrides) {
      cli = parseOverride(override).withFallback(cli);
    }
    rejectUnknownKeys(reference, user, "config file");
    rejectUnknownKeys(reference, cli, "--set");
    Config merged = cli.withFallback(user).withFallback(reference);
    try {
      return merged.resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("invalid configuration: " + e.getMessage(), e);
    }
  }

  private static Config parseOverride(String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set expects key=value, got '" + override + "'");
    }
    String key = override.substring(0, eq).trim();
    String value = override.substring(eq + 1).trim();
    // Lists, objects and quoted strings are HOCON; anything else is taken literally (quoted), so a
    // path such as hdfs://nn/w or /data//x is never cut at what HOCON would read as a comment.
    // Numbers and booleans still convert: the typed getters accept them as strings.
    boolean hocon = value.startsWith("[") || value.startsWith("{") || value.startsWith("\"");
    String literal = hocon ? value : quote(value);
    return parse(() -> ConfigFactory.parseString(key + " = " + literal), "--set " + key);
  }

  /** {@code s} as a quoted HOCON string, for {@code key=value} overrides that must stay literal. */
  public static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Config parse(java.util.function.Supplier<Config> parser, String what) {
    try {
      return parser.get();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("cannot parse " + what + ": " + e.getMessage(), e);
    }
  }

  private static void rejectUnknownKeys(Config reference, Config layer, String origin) {
    TreeSet<String> unknown = new TreeSet<>();
    for (Map.Entry<String, ConfigValue> e : layer.entrySet()) {
      String path = e.getKey();
      if (!reference.hasPathOrNull(path)) {
        unknown.add(path);
      }
    }
    if (!unknown.isEmpty()) {
      List<String> names = new ArrayList<>(unknown);
      throw new ConfigException("unknown configuration key" + (names.size() > 1 ? "s" : "")
          + " in " + origin + ": " + String.join(", ", names)
          + " (see conf/kliping.conf for every key)");
    }
  }
}
