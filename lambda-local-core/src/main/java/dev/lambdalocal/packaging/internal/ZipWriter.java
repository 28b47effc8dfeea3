package dev.lambdalocal.packaging.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a ZIP archive whose bytes depend only on the entries given: no clock, no time zone, no
 * extra fields, Unix permissions in every central directory record.
 *
 * <p>{@code java.util.zip.ZipOutputStream} cannot write the "made by Unix" host and the external
 * attributes that carry permissions, and stamps entries in the JVM's time zone; Lambda extracts the
 * package with the permissions it finds and needs them world-readable (644 for files, 755 for
 * directories: https://repost.aws/knowledge-center/lambda-deployment-package-errors), so this
 * writer sets them itself. Format: PKWARE APPNOTE.TXT sections 4.3.7 (local header), 4.3.12
 * (central directory) and 4.3.16 (end of central directory); no ZIP64, which a Lambda package (at
 * most 250 MB unzipped) never needs.
 */
public final class ZipWriter implements AutoCloseable {

  private static final int FILE_MODE = 0100644;
  private static final int DIRECTORY_MODE = 040755;
  private static final int MSDOS_DIRECTORY = 0x10;
  private static final int VERSION_NEEDED = 20;
  private static final int MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;
  private static final int UTF8_NAMES = 0x0800;
  private static final int STORED = 0;
  private static final int DEFLATED = 8;

  private final CountingStream out;
  private final int dosTime;
  private final int dosDate;
  private final ByteArrayOutputStream central = new ByteArrayOutputStream();
  private int entries;

  /**
   * Start an archive.
   *
   * @param out where the archive goes
   * @param timestamp the modification time of every entry, within MS-DOS's 1980–2107
   */
  public ZipWriter(OutputStream out, LocalDateTime timestamp) {
    if (timestamp.getYear() < 1980 || timestamp.getYear() > 2107) {
      throw new IllegalArgumentException("ZIP timestamps range from 1980 to 2107: " + timestamp);
    }
    this.out = new CountingStream(out);
    this.dosDate =
        ((timestamp.getYear() - 1980) << 9)
            | (timestamp.getMonthValue() << 5)
            | timestamp.getDayOfMonth();
    this.dosTime =
        (timestamp.getHour() << 11) | (timestamp.getMinute() << 5) | (timestamp.getSecond() / 2);
  }

  /** Add a directory entry; {@code name} ends with {@code /}. */
  public void directory(String name) throws IOException {
    write(name, new byte[0], new byte[0], STORED, 0, (DIRECTORY_MODE << 16) | MSDOS_DIRECTORY);
  }

  /** Add a file entry, deflated. */
  public void file(String name, byte[] content) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(content);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(content);
      deflater.finish();
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(content.length / 2 + 64);
      byte[] buffer = new byte[64 * 1024];
      while (!deflater.finished()) {
        compressed.write(buffer, 0, deflater.deflate(buffer));
      }
      write(
          name, content, compressed.toByteArray(), DEFLATED, (int) crc.getValue(), FILE_MODE << 16);
    } finally {
      deflater.end();
    }
  }

  private void write(String name, byte[] raw, byte[] data, int method, int crc, int attributes)
      throws IOException {
    if (entries == 0xFFFF || out.count + data.length > 0xFFFFFFFFL) {
      throw new IOException("Package too large for a ZIP without ZIP64 at entry " + name);
    }
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    long offset = out.count;
    ByteArrayOutputStream local = new ByteArrayOutputStream(30 + nameBytes.length);
    int32(local, 0x04034b50);
    int16(local, VERSION_NEEDED);
    int16(local, UTF8_NAMES);
    int16(local, method);
    int16(local, dosTime);
    int16(local, dosDate);
    int32(local, crc);
    int32(local, data.length);
    int32(local, raw.length);
    int16(local, nameBytes.length);
    int16(local, 0);
    local.write(nameBytes);
    local.writeTo(out);
    out.write(data);

    int32(central, 0x02014b50);
    int16(central, MADE_BY_UNIX);
    int16(central, VERSION_NEEDED);
    int16(central, UTF8_NAMES);
    int16(central, method);
    int16(central, dosTime);
    int16(central, dosDate);
    int32(central, crc);
    int32(central, data.length);
    int32(central, raw.length);
    int16(central, nameBytes.length);
    int16(central, 0); // extra field length
    int16(central, 0); // comment length
    int16(central, 0); // disk number
    int16(central, 0); // internal attributes
    int32(central, attributes);
    int32(central, (int) offset);
    central.write(nameBytes);
    entries++;
  }

  /** Write the central directory and the end record; the underlying stream stays open. */
  @Override
  public void close() throws IOException {
    long start = out.count;
    central.writeTo(out);
    ByteArrayOutputStream end = new ByteArrayOutputStream(22);
    int32(end, 0x06054b50);
    int16(end, 0);
    int16(end, 0);
    int16(end, entries);
    int16(end, entries);
    int32(end, central.size());
    int32(end, (int) start);
    int16(end, 0);
    end.writeTo(out);
    out.flush();
  }

  private static void int16(ByteArrayOutputStream out, int value) {
    out.write(value & 0xFF);
    out.write((value >>> 8) & 0xFF);
  }

  private static void int32(ByteArrayOutputStream out, int value) {
    int16(out, value & 0xFFFF);
    int16(out, (value >>> 16) & 0xFFFF);
  }

  private static final class CountingStream extends OutputStream {
    private final OutputStream target;
    private long count;

    CountingStream(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }
  }
}
