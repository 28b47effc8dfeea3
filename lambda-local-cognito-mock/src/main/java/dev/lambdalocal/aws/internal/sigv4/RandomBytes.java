package dev.lambdalocal.aws.internal.sigv4;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * Cryptographically random bytes for minted credentials, read from the kernel's {@code
 * /dev/urandom} (the source {@link SecureRandom}'s default provider reads on Linux and macOS), or
 * from a {@link SecureRandom} where there is no such device.
 *
 * <p>Reading the device with a {@link FileInputStream}, which the JVM loads at boot, spares a
 * {@code @LambdaTest} cold start the set-up of the JDK's security providers (about 50 classes),
 * which {@code new SecureRandom()} pays before its first byte: every function run with an offline
 * account gets credentials minted on its first invocation.
 */
final class RandomBytes {

  private static final String DEVICE = "/dev/urandom";

  private static InputStream device;
  private static boolean deviceMissing;

  private RandomBytes() {}

  /** Fill {@code bytes} with random bytes. */
  static synchronized void fill(byte[] bytes) {
    if (!deviceMissing) {
      try {
        if (device == null) {
          device = new FileInputStream(DEVICE);
        }
        int read = 0;
        while (read < bytes.length) {
          int n = device.read(bytes, read, bytes.length - read);
          if (n < 0) {
            throw new IOException(DEVICE + " ended");
          }
          read += n;
        }
        return;
      } catch (IOException | SecurityException e) {
        deviceMissing = true;
      }
    }
    Fallback.RANDOM.nextBytes(bytes);
  }

  /** The secure random of systems without the device, created only there. */
  private static final class Fallback {
    static final SecureRandom RANDOM = new SecureRandom();
  }
}
