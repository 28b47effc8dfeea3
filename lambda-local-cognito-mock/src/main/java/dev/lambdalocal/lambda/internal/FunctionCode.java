package dev.lambdalocal.lambda.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * An uploaded deployment package: its bytes, hash, and the private file it was written to, from
 * which lambda-local-core loads it as Lambda's Java runtime does ({@code LocalLambda.Builder
 * .artifact}: classes and resources at the root, then {@code lib/*.jar}).
 */
public final class FunctionCode implements AutoCloseable {

  private final byte[] zip;
  private final String sha256;
  private final Path file;

  private FunctionCode(byte[] zip, String sha256, Path file) {
    this.zip = zip;
    this.sha256 = sha256;
    this.file = file;
  }

  /**
   * Check that the bytes are a ZIP and write them to a new private temporary file.
   *
   * @throws ApiError AWS's {@code Could not unzip uploaded file} when the bytes are not a ZIP
   */
  public static FunctionCode extract(byte[] zip) {
    try {
      if (entries(zip) == 0) {
        throw ApiError.cannotUnzip();
      }
    } catch (ZipException | IllegalArgumentException e) {
      throw ApiError.cannotUnzip();
    } catch (IOException e) {
      throw ApiError.service("Cannot read the function's code: " + e);
    }
    Path file;
    try {
      file = Files.createTempFile("lambda-local-function-", ".zip");
      Files.write(file, zip);
    } catch (IOException e) {
      throw ApiError.service("Cannot store the function's code: " + e);
    }
    return new FunctionCode(zip, sha256(zip), file);
  }

  private static int entries(byte[] zip) throws IOException {
    int count = 0;
    Path root = Path.of("/task");
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        count++;
        if (!root.resolve(entry.getName()).normalize().startsWith(root)) {
          // An entry escaping the task root ("zip slip") is refused like a broken ZIP.
          throw new ZipException("entry outside the package: " + entry.getName());
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

  /** Return the file holding the package, for {@code LocalLambda.Builder.artifact}. */
  public Path file() {
    return file;
  }

  /** Delete the package's file. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Still open elsewhere: the temp directory is the OS's to clean.
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
