package io.kliping.ingest.warc;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * Gzip members as WARC writers make them: optional header fields (extra field, as Heritrix's
 * {@code sl} record, file name, comment, header CRC), raw offsets of each member, garbage between
 * members skipped and reported, a cut member and corrupt data as exceptions.
 */
class GzipMembersTest {

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  @Test
  void membersWithEveryOptionalHeaderFieldDecompressAndKeepTheirRawOffsets() throws IOException {
    byte[] a = member("first record\n", FEXTRA | FNAME);
    byte[] b = member("second record\n", FCOMMENT | FHCRC);
    byte[] c = member("third\n", 0);
    GzipMembers in = new GzipMembers(new ByteArrayInputStream(concat(a, b, c)));

    assertThat(new String(in.readAllBytes(), US_ASCII))
        .isEqualTo("first record\nsecond record\nthird\n");
    assertThat(in.rawOffsetOf(0)).isZero();
    assertThat(in.rawOffsetOf(12)).isZero();
    assertThat(in.rawOffsetOf(13)).isEqualTo(a.length);
    assertThat(in.rawOffsetOf(27)).isEqualTo(a.length + b.length);
    assertThat(in.takeGaps()).isEmpty();
  }

  @Test
  void bytesBetweenMembersAreSkippedAndReportedOnce() throws IOException {
    byte[] a = member("one\n", 0);
    byte[] garbage = "\0\0 padding, not gzip".getBytes(US_ASCII);
    byte[] b = member("two\n", 0);
    GzipMembers in = new GzipMembers(new ByteArrayInputStream(concat(a, garbage, b, garbage)));

    assertThat(new String(in.readAllBytes(), US_ASCII)).isEqualTo("one\ntwo\n");
    assertThat(in.takeGaps()).containsExactly(
        new GzipMembers.Gap(a.length, garbage.length),
        new GzipMembers.Gap(a.length + garbage.length + b.length, garbage.length));
    assertThat(in.rawOffsetOf(4)).isEqualTo(a.length + garbage.length);
  }

  @Test
  void aCutMemberIsAnEndOfFileAndCorruptDataAZipException() {
    byte[] a = member("x".repeat(5000), 0);
    GzipMembers cut = new GzipMembers(new ByteArrayInputStream(Arrays.copyOf(a, a.length - 20)));
    assertThatThrownBy(cut::readAllBytes).isInstanceOf(EOFException.class);

    byte[] corrupt = a.clone();
    Arrays.fill(corrupt, 10, 14, (byte) 0xff); // the first deflate block header
    GzipMembers bad = new GzipMembers(new ByteArrayInputStream(corrupt));
    assertThatThrownBy(bad::readAllBytes).isInstanceOf(ZipException.class);
  }

  /** One gzip member of {@code text} with the given header flags (RFC 1952). */
  private static byte[] member(String text, int flags) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, (byte) 255});
    if ((flags & FEXTRA) != 0) {
      byte[] extra = {'s', 'l', 4, 0, 1, 2, 3, 4};
      out.writeBytes(new byte[] {(byte) extra.length, 0});
      out.writeBytes(extra);
    }
    if ((flags & FNAME) != 0) {
      out.writeBytes("record.warc\0".getBytes(US_ASCII));
    }
    if ((flags & FCOMMENT) != 0) {
      out.writeBytes("a comment\0".getBytes(US_ASCII));
    }
    if ((flags & FHCRC) != 0) {
      out.writeBytes(new byte[] {0x12, 0x34}); // not checked
    }
    byte[] data = text.getBytes(US_ASCII);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buf = new byte[data.length + 64];
    int n = deflater.deflate(buf);
    deflater.end();
    out.write(buf, 0, n);
    CRC32 crc = new CRC32();
    crc.update(data);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, data.length);
    return out.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.writeBytes(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
