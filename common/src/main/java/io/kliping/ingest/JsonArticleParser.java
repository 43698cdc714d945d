package io.kliping.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one JSON Lines record into a {@link RawArticle}, mapping scraper-specific key names through
 * {@link FieldAliases}. Never throws on bad input: every problem becomes a {@link
 * ParseResult.Rejected} with one of the reasons {@code malformed_json}, {@code not_an_object},
 * {@code missing_text}, {@code wrong_type} or {@code record_too_large}.
 *
 * <p>A field is <em>present</em> when its key exists with a value that is not JSON null and not a
 * blank string; of several aliases present in a record the first in the alias list wins. Numbers
 * and booleans are accepted where text is expected and converted to their plain string form.
 */
public final class JsonArticleParser implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public static final String MALFORMED_JSON = "malformed_json";
  public static final String NOT_AN_OBJECT = "not_an_object";
  public static final String MISSING_TEXT = "missing_text";
  public static final String WRONG_TYPE = "wrong_type";
  /** A value beyond the JSON reader's limits (a string over 20 million characters). */
  public static final String RECORD_TOO_LARGE = "record_too_large";

  private static final int ID = 0;
  private static final int TEXT = 1;
  private static final int TITLE = 2;
  private static final int URL = 3;
  private static final int PUBLISHED = 4;
  private static final int SOURCE = 5;
  private static final int TIME = 6;
  private static final int ROLES = 7;

  /** Spreadsheet time of day: a fraction of a day such as {@code 0.96875} or {@code 6.9e-3}. */
  private static final Pattern DAY_FRACTION =
      Pattern.compile("0?\\.\\d+(?:[eE]-?\\d+)?|\\d(?:\\.\\d+)?[eE]-\\d+");

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  /** Lower-cased key to (role, preference) where preference 0 is the most wanted alias. */
  private final Map<String, Slot> slotsByKey;

  public JsonArticleParser(FieldAliases aliases) {
    this.slotsByKey = new HashMap<>();
    register(aliases.id(), ID);
    register(aliases.text(), TEXT);
    register(aliases.title(), TITLE);
    register(aliases.url(), URL);
    register(aliases.publishedAt(), PUBLISHED);
    register(aliases.source(), SOURCE);
    register(aliases.publishedTime(), TIME);
  }

  private void register(List<String> keys, int role) {
    for (int i = 0; i < keys.size(); i++) {
      // An alias listed under two roles keeps its first registration (id before text, ...).
      slotsByKey.putIfAbsent(keys.get(i).toLowerCase(Locale.ROOT), new Slot(role, i));
    }
  }

  public ParseResult parse(String line) {
    if (line == null || line.isBlank()) {
      return ParseResult.rejected(MALFORMED_JSON, "empty line");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(line);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      return ParseResult.rejected(RECORD_TOO_LARGE, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      return ParseResult.rejected(MALFORMED_JSON, e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return ParseResult.rejected(
          NOT_AN_OBJECT, root == null ? "no value" : root.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    String[] keys = new String[ROLES];
    JsonNode[] values = new JsonNode[ROLES];
    int[] preference = new int[ROLES];
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      Slot slot = slotsByKey.get(field.getKey().toLowerCase(Locale.ROOT));
      if (slot == null || !isPresent(field.getValue())) {
        continue;
      }
      int role = slot.role();
      if (values[role] == null || slot.preference() < preference[role]) {
        keys[role] = field.getKey();
        values[role] = field.getValue();
        preference[role] = slot.preference();
      }
    }

    for (int role = 0; role < ROLES; role++) {
      if (values[role] != null && values[role].isContainerNode()) {
        return ParseResult.rejected(WRONG_TYPE, keys[role]);
      }
    }
    if (values[TEXT] == null) {
      return ParseResult.rejected(MISSING_TEXT, "");
    }
    if (!values[TEXT].isTextual()) {
      // A number or boolean where the article body belongs is a broken record, not an article.
      return ParseResult.rejected(WRONG_TYPE, keys[TEXT]);
    }
    return ParseResult.ok(
        new RawArticle(
            scalar(values[ID]),
            scalar(values[TITLE]),
            scalar(values[TEXT]),
            scalar(values[URL]),
            publishedRaw(scalar(values[PUBLISHED]), scalar(values[TIME])),
            scalar(values[SOURCE])));
  }

  private static boolean isPresent(JsonNode value) {
    return !value.isNull() && !(value.isTextual() && value.textValue().isBlank());
  }

  /** Text of a scalar node, trimmed; null for an absent node. */
  private static String scalar(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue().strip();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return node.decimalValue().stripTrailingZeros().toPlainString();
    }
    return node.asText();
  }

  /**
   * The date value, completed with the separate time-of-day value when the date has no time of its
   * own. Numbers (spreadsheet serials, epochs) are left alone: they carry their own precision.
   */
  static String publishedRaw(String date, String time) {
    if (date == null || time == null || time.equals("-")) {
      return date;
    }
    if (date.indexOf(':') >= 0 || PLAIN_NUMBER.matcher(date).matches()) {
      return date;
    }
    return date + " " + clockTime(time);
  }

  /** {@code "0.96875"} (a spreadsheet fraction of a day) becomes {@code "23:15:00"}. */
  private static String clockTime(String time) {
    if (!DAY_FRACTION.matcher(time).matches()) {
      return time;
    }
    double fraction = Double.parseDouble(time);
    if (fraction < 0 || fraction >= 1) {
      return time;
    }
    long seconds = Math.min(Math.round(fraction * 86_400), 86_399);
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private record Slot(int role, int preference) implements Serializable {}

  /** One mapper per JVM: thread-safe for reading once configured, and costly to build. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
