package dev.lambdalocal.core.internal.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a deployment package as Lambda's Java runtime does: extracted into a task root, whose class
 * path is the root itself, then {@code lib/*.jar} in lexical order of their names, over a parent
 * that holds only what the runtime provides (see {@link RuntimeProvidedClassLoader}).
 *
 * <p>The order is the runtime's {@code CustomerClassLoader.getUrls}: task root, then {@code
 * <task>/lib} JARs sorted with {@code String}'s natural order, then layers' {@code /opt/java/lib}
 * (github.com/aws/aws-lambda-java-libs, aws-lambda-java-runtime-interface-client, {@code
 * CustomerClassLoader.java}). Only {@code .jar} files directly in {@code lib/} count; nested
 * directories and JARs at the root are not on the class path.
 */
public final class FunctionArtifacts {

  private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();
  private static final List<Path> TO_DELETE = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(FunctionArtifacts::deleteAll));
  }

  private FunctionArtifacts() {}

  /** A package's class path and the parent of its class loader. */
  public record ArtifactCode(List<Path> classpath, ClassLoader parent) {}

  /**
   * Open a deployment package; a package with the same content is extracted once per JVM.
   *
   * @throws LambdaConfigurationException naming a package that is missing or no ZIP
   */
  public static ArtifactCode open(Path zip) {
    if (!Files.isRegularFile(zip)) {
      throw new LambdaConfigurationException(
          "Artifact not found: " + zip + " (build the package first, e.g. mvn package)");
    }
    Path root;
    try {
      String key = zip.toAbsolutePath().normalize() + "#" + sha256(zip);
      root = EXTRACTED.computeIfAbsent(key, k -> extract(zip));
    } catch (UncheckedIOException e) {
      throw new LambdaConfigurationException(
          "Artifact is not a readable ZIP: " + zip + ": " + e.getCause().getMessage(), e);
    } catch (IOException e) {
      throw new LambdaConfigurationException("Artifact is not readable: " + zip, e);
    }
    List<Path> classpath = new ArrayList<>();
    classpath.add(root);
    Path lib = root.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
            .sorted(Comparator.comparing(p -> p.getFileName().toString()))
            .forEach(classpath::add);
      } catch (IOException e) {
        throw new LambdaConfigurationException("Cannot list lib/ of artifact " + zip, e);
      }
    }
    return new ArtifactCode(List.copyOf(classpath), RuntimeProvidedClassLoader.instance());
  }

  private static Path extract(Path zip) {
    try {
      Path root = Files.createTempDirectory("lambda-local-task-");
      synchronized (TO_DELETE) {
        TO_DELETE.add(root);
      }
      try (ZipFile file = new ZipFile(zip.toFile())) {
        for (ZipEntry entry : file.stream().toList()) {
          Path target = root.resolve(entry.getName()).normalize();
          if (!target.startsWith(root)) {
            throw new ZipException("entry " + entry.getName() + " leaves the task root");
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            try (InputStream in = file.getInputStream(entry)) {
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path zip) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(zip)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static void deleteAll() {
    synchronized (TO_DELETE) {
      for (Path root : TO_DELETE) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
          // The JVM is exiting: a temporary directory left behind is all that can go wrong.
        }
      }
    }
  }

  /** Return the class whose code source is aws-lambda-java-core (the runtime provides it). */
  static Class<?> lambdaCore() {
    return Context.class;
  }
}
