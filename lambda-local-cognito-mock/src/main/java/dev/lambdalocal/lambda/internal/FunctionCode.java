package dev.lambdalocal.lambda.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * An uploaded deployment package: its bytes, hash, and the private directory it was extracted to,
 * laid out as Lambda's Java runtime loads it (classes and resources at the root, JARs in {@code
 * lib/}).
 */
public final class FunctionCode implements AutoCloseable {

  private final byte[] zip;
  private final String sha256;
  private final Path root;

  private FunctionCode(byte[] zip, String sha256, Path root) {
    this.zip = zip;
    this.sha256 = sha256;
    this.root = root;
  }

  /**
   * Extract a ZIP into a new private temporary directory.
   *
   * @throws ApiError AWS's {@code Could not unzip uploaded file} when the bytes are not a ZIP
   */
  public static FunctionCode extract(byte[] zip) {
    Path root;
    try {
      root = Files.createTempDirectory("lambda-local-function-");
    } catch (IOException e) {
      throw ApiError.service("Cannot create a directory for the function's code: " + e);
    }
    try {
      int entries = unzip(zip, root);
      if (entries == 0) {
        throw ApiError.cannotUnzip();
      }
    } catch (ZipException | IllegalArgumentException e) {
      delete(root);
      throw ApiError.cannotUnzip();
    } catch (IOException e) {
      delete(root);
      throw ApiError.service("Cannot extract the function's code to " + root + ": " + e);
    } catch (ApiError e) {
      delete(root);
      throw e;
    }
    return new FunctionCode(zip, sha256(zip), root);
  }

  private static int unzip(byte[] zip, Path root) throws IOException {
    int count = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        count++;
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          // An entry escaping the directory ("zip slip") is never written.
          throw new ZipException("entry outside the package: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return count;
  }

  /** Return the package's size in bytes ({@code CodeSize}). */
  public long size() {
    return zip.length;
  }

  /** Return the base64 SHA-256 of the package ({@code CodeSha256}). */
  public String sha256() {
    return sha256;
  }

  /** Return the package bytes (not copied; never modify them). */
  public byte[] bytes() {
    return zip;
  }

  /**
   * Return the class path Lambda's Java runtime builds: the root, then {@code lib/*.jar} sorted.
   */
  public List<Path> classpath() {
    List<Path> entries = new ArrayList<>();
    entries.add(root);
    Path lib = root.resolve("lib");
    if (Files.isDirectory(lib)) {
      List<Path> jars = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(lib, "*.jar")) {
        stream.forEach(jars::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      jars.sort(Comparator.comparing(Path::toString));
      entries.addAll(jars);
    }
    return entries;
  }

  /** Delete the extracted files. */
  @Override
  public void close() {
    delete(root);
  }

  static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(FunctionCode::deleteQuietly);
    } catch (IOException e) {
      // Already gone, or never written: nothing left to release.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A file still open on Windows; the temp directory is the OS's to clean.
    }
  }
}
