package io.kliping.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a CSV file with a header row into one JSON object per data row, so that CSV exports go
 * through the same field aliases as JSON Lines. Quoted fields may span lines (RFC 4180). The
 * position of a row is the line it starts on.
 *
 * <p>A row with more fields than the header is a reject ({@value #EXTRA_FIELDS}); fewer fields
 * leave the missing ones null. A parse failure (an unterminated quote running past
 * {@code maxFieldChars}) ends the file with one {@value #MALFORMED} reject. A read failure (a
 * truncated .gz) ends the input where the damage is; the row being read there is cut, so it
 * becomes the {@value #TRUNCATED} reject (with what was read of it) and every row before it is
 * kept.
 */
public final class CsvRecordReader implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public static final String EXTRA_FIELDS = "csv_extra_fields";
  public static final String MALFORMED = "malformed_csv";
  public static final String TRUNCATED = "truncated_file";
  static final int RAW_CHARS = 1000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final char delimiter;
  private final String encoding;
  private final int maxFieldChars;

  /**
   * @param delimiter     field separator; {@code 0} picks tab for {@code .tsv} files, else comma
   * @param encoding      charset of the files (a BOM is skipped)
   * @param maxFieldChars longest field accepted, so an unterminated quote cannot eat the file
   */
  public CsvRecordReader(char delimiter, String encoding, int maxFieldChars) {
    this.delimiter = delimiter;
    this.encoding = Charset.forName(encoding).name(); // fail fast on a bad charset name
    this.maxFieldChars = maxFieldChars;
  }

  /** The rows of one file; {@code in} is decompressed already and closed by the caller. */
  public Iterator<SourceRecord> read(String fileName, InputStream in) {
    CsvParserSettings s = new CsvParserSettings();
    s.setHeaderExtractionEnabled(false);
    s.setLineSeparatorDetectionEnabled(true);
    s.setSkipEmptyLines(false);
    s.setMaxCharsPerColumn(maxFieldChars);
    s.setMaxColumns(4096);
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    s.setNullValue(null);
    s.setEmptyValue("");
    char d = delimiter != 0 ? delimiter
        : fileName.toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.\\w+)?$") ? '\t' : ',';
    s.getFormat().setDelimiter(d);
    CsvParser parser = new CsvParser(s);
    DamageStoppingInputStream guarded = new DamageStoppingInputStream(in);
    parser.beginParsing(guarded, encoding);
    return new Rows(parser, guarded);
  }

  /** Ends the stream at the first read failure and remembers it, so the parser keeps its rows. */
  private static final class DamageStoppingInputStream extends java.io.FilterInputStream {
    private java.io.IOException damage;

    DamageStoppingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (damage != null) {
        return -1;
      }
      try {
        return super.read(b, off, len);
      } catch (java.io.IOException e) {
        damage = e;
        return -1;
      }
    }
  }

  /** Pulls rows lazily, one ahead: a file is streamed, never held in memory. */
  private static final class Rows implements Iterator<SourceRecord> {
    private final CsvParser parser;
    private final DamageStoppingInputStream in;
    private String[] header;
    private long nextStartLine = 1;
    /** The last data row parsed, not yet handed out: it is the cut one if the input was damaged. */
    private SourceRecord pending;
    /** Its fields, joined only if it turns out to be the cut row. */
    private String[] pendingRow;
    private SourceRecord next;
    private boolean done;

    Rows(CsvParser parser, DamageStoppingInputStream in) {
      this.parser = parser;
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !(done && pending == null)) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public SourceRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SourceRecord r = next;
      next = null;
      return r;
    }

    /** The next record to hand out, or null to call again. */
    private SourceRecord advance() {
      if (done) {
        SourceRecord last = pending;
        pending = null;
        if (last != null && in.damage != null) {
          return SourceRecord.rejected(last.position(), TRUNCATED,
              clip(in.damage + " after: " + joined(pendingRow)));
        }
        return last;
      }
      long startLine = nextStartLine;
      String[] row;
      try {
        row = parser.parseNext();
      } catch (RuntimeException e) {
        done = true;
        SourceRecord error = SourceRecord.rejected("line " + startLine,
            in.damage != null ? TRUNCATED : MALFORMED, clip(String.valueOf(e.getMessage())));
        SourceRecord before = pending;
        pending = error;
        pendingRow = null;
        in.damage = null; // the error row reports it
        return before;
      }
      if (row == null) {
        done = true;
        parser.stopParsing();
        if (pending == null && in.damage != null) {
          return SourceRecord.rejected("line " + startLine, TRUNCATED, clip(in.damage.toString()));
        }
        return null;
      }
      nextStartLine = parser.getContext().currentLine() + 1;
      if (isBlank(row)) {
        return null;
      }
      if (header == null) {
        header = headerNames(row);
        return null;
      }
      SourceRecord before = pending;
      pending = toRecord("line " + startLine, row);
      pendingRow = row;
      return before;
    }

    private SourceRecord toRecord(String position, String[] row) {
      if (row.length > header.length) {
        return SourceRecord.rejected(position, EXTRA_FIELDS,
            clip(row.length + " fields, header has " + header.length + ": " + joined(row)));
      }
      ObjectNode o = MAPPER.createObjectNode();
      for (int i = 0; i < header.length; i++) {
        o.put(header[i], i < row.length ? row[i] : null);
      }
      try {
        return SourceRecord.fields(position, MAPPER.writeValueAsString(o));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a JSON object of strings", e);
      }
    }
  }

  /** A row's fields for a reject's raw text. */
  private static String joined(String[] row) {
    StringBuilder sb = new StringBuilder();
    for (String v : row) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(v == null ? "" : v);
    }
    return sb.toString();
  }

  /** Header names, trimmed; blank or repeated names become {@code _c<index>}. */
  static String[] headerNames(String[] row) {
    String[] names = new String[row.length];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < row.length; i++) {
      String n = row[i] == null ? "" : row[i].strip();
      if (i == 0 && n.startsWith("\uFEFF")) {
        n = n.substring(1);
      }
      names[i] = n.isEmpty() || !seen.add(n.toLowerCase(Locale.ROOT)) ? "_c" + i : n;
    }
    return names;
  }

  private static boolean isBlank(String[] row) {
    for (String v : row) {
      if (v != null && !v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  static String clip(String s) {
    return s == null || s.length() <= RAW_CHARS ? s : s.substring(0, RAW_CHARS);
  }

  /** For tests: all rows of a small file. */
  static List<SourceRecord> readAll(CsvRecordReader reader, String name, InputStream in) {
    List<SourceRecord> out = new ArrayList<>();
    reader.read(name, in).forEachRemaining(out::add);
    return out;
  }
}
