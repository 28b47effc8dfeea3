package dev.lambdalocal.core.internal.invoke;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that an entry of a function's class path can be used. A {@code URLClassLoader} silently
 * skips an entry it cannot read (no permission, not a JAR), so the function would fail later with a
 * misleading {@code ClassNotFoundException}; this names the entry up front instead, as a missing
 * entry is named.
 *
 * @since 0.1.0
 */
public final class ClassPathEntries {

  private static final int ZIP_LOCAL_HEADER = 0x04034b50;
  private static final int ZIP_EMPTY_ARCHIVE = 0x06054b50;

  private ClassPathEntries() {}

  /**
   * Return what is wrong with a class path entry, or {@code null} if it can be used.
   *
   * @param entry a directory or JAR
   * @return e.g. {@code no such file or directory}, {@code permission denied}, {@code not a JAR or
   *     ZIP file}
   */
  public static String problem(Path entry) {
    if (!Files.exists(entry)) {
      return "no such file or directory";
    }
    if (Files.isDirectory(entry)) {
      return Files.isReadable(entry) && Files.isExecutable(entry) ? null : "permission denied";
    }
    // A JAR: its first four bytes are a ZIP header. Cheap: no central directory is read.
    ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    try (SeekableByteChannel channel = Files.newByteChannel(entry)) {
      while (header.hasRemaining() && channel.read(header) >= 0) {
        // Read until four bytes or the end.
      }
    } catch (AccessDeniedException e) {
      return "permission denied";
    } catch (FileSystemException e) {
      return e.getReason() != null ? e.getReason() : e.toString();
    } catch (IOException e) {
      return e.getMessage() != null ? e.getMessage() : e.toString();
    }
    if (header.hasRemaining()) {
      return "not a JAR or ZIP file";
    }
    int magic = header.getInt(0);
    return magic == ZIP_LOCAL_HEADER || magic == ZIP_EMPTY_ARCHIVE ? null : "not a JAR or ZIP file";
  }
}
