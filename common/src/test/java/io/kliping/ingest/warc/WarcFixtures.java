package io.kliping.ingest.warc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** Builds small WARC files in memory with jwarc's writer, so tests need no binary fixtures. */
public final class WarcFixtures {

  static final Instant DATE = Instant.parse("2019-10-21T01:30:00Z");

  /** A written file and the byte offset at which each record starts. */
  public record WarcFile(byte[] bytes, long[] offsets) {
    InputStream stream() {
      return new ByteArrayInputStream(bytes);
    }

    /** The file cut off {@code bytesIntoRecord} bytes after the start of record {@code index}. */
    public byte[] cutInside(int index, int bytesIntoRecord) {
      return Arrays.copyOf(bytes, (int) offsets[index] + bytesIntoRecord);
    }
  }

  private final MessageVersion version;

  public WarcFixtures(MessageVersion version) {
    this.version = version;
  }

  public static WarcFile write(WarcCompression compression, WarcRecord... records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long[] offsets = new long[records.length];
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), compression)) {
      for (int i = 0; i < records.length; i++) {
        offsets[i] = writer.position();
        writer.write(records[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WarcFile(out.toByteArray(), offsets);
  }

  /** Raw HTTP response bytes; {@code headers} as {@code "Name: value"} lines. */
  public static byte[] http(int status, String reason, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason);
    head.append("\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return concat(head.toString().getBytes(ISO_8859_1), body);
  }

  public static byte[] html(String title, String... paragraphs) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>");
    page.append(title).append("</title></head><body><article>");
    for (String p : paragraphs) {
      page.append("<p>").append(p).append("</p>");
    }
    return page.append("</article></body></html>").toString().getBytes(UTF_8);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  public WarcResponse response(String url, byte[] httpBytes) {
    return new WarcResponse.Builder(URI.create(url))
        .version(version)
        .date(DATE)
        .body(MediaType.HTTP_RESPONSE, httpBytes)
        .build();
  }

  WarcResource resource(String url, String contentType, byte[] body) {
    return new WarcResource.Builder(URI.create(url))
        .version(version)
        .date(DATE)
        .body(MediaType.parse(contentType), body)
        .build();
  }

  WarcConversion conversion(String url, String text) {
    return new WarcConversion.Builder()
        .version(version)
        .date(DATE)
        .setHeader("WARC-Target-URI", url)
        .body(MediaType.PLAIN_TEXT, text.getBytes(UTF_8))
        .build();
  }

  public WarcRequest request(String url) {
    byte[] get =
        ("GET " + URI.create(url).getPath() + " HTTP/1.1\r\nHost: example.id\r\n\r\n")
            .getBytes(ISO_8859_1);
    return new WarcRequest.Builder(URI.create(url))
        .version(version)
        .date(DATE)
        .body(MediaType.HTTP_REQUEST, get)
        .build();
  }

  WarcMetadata metadata(String url) {
    return new WarcMetadata.Builder()
        .version(version)
        .date(DATE)
        .targetURI(url)
        .fields(Map.of("fetchTimeMs", List.of("120")))
        .build();
  }

  public WarcRevisit revisit(String url) {
    return new WarcRevisit.Builder(URI.create(url))
        .version(version)
        .date(DATE)
        .body(MediaType.HTTP_RESPONSE, http(200, "OK", new byte[0], "Content-Type: text/html"))
        .build();
  }

  Warcinfo warcinfo() {
    return new Warcinfo.Builder()
        .version(version)
        .date(DATE)
        .fields(Map.of("software", List.of("kliping-test")))
        .build();
  }

  static List<WarcItem> readAll(InputStream in) {
    return readAll(WarcArticleReader.open(in, new HtmlArticleExtractor()));
  }

  static List<WarcItem> readAll(WarcArticleReader reader) {
    List<WarcItem> items = new ArrayList<>();
    reader.forEachRemaining(items::add);
    return items;
  }
}
