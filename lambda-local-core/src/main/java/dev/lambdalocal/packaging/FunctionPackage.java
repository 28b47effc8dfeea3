package dev.lambdalocal.packaging;

import dev.lambdalocal.packaging.internal.EntryPatterns;
import dev.lambdalocal.packaging.internal.SecretScanner;
import dev.lambdalocal.packaging.internal.ZipWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Lambda deployment package for the Java runtime, written as a ZIP: the function's classes and
 * resources at the root, its dependency JARs under {@code lib/}, the layout the runtime puts on its
 * class path (https://docs.aws.amazon.com/lambda/latest/dg/java-package.html).
 *
 * <p>The bytes depend only on the inputs: entries sorted by name, every entry stamped with one
 * timestamp (1980-01-01T00:00:00 unless {@linkplain Builder#timestamp(Instant) set}), files 644 and
 * directories 755, no paths of the machine that built it. Entries that look like secrets ({@link
 * SecretRule}) are refused, every one of them named, unless {@linkplain Builder#allowSecret(String)
 * allowed}; nothing is dropped silently.
 *
 * <pre>{@code
 * FunctionPackage zip =
 *     FunctionPackage.builder()
 *         .classes(Path.of("target/classes"))
 *         .dependencies(List.of(Path.of("aws-lambda-java-events-3.16.1.jar")))
 *         .output(Path.of("target/function.zip"))
 *         .build();
 * }</pre>
 *
 * @param zip the file written
 * @param entries the names of the package's entries, in their order in the file
 * @param allowedSecrets the findings the allow-list let through
 * @since 0.1.0
 */
public record FunctionPackage(Path zip, List<String> entries, List<SecretFinding> allowedSecrets) {

  /** The timestamp of every entry unless set: the earliest a ZIP can record. */
  public static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

  /** Copy the lists: the record is immutable. */
  public FunctionPackage {
    entries = List.copyOf(entries);
    allowedSecrets = List.copyOf(allowedSecrets);
  }

  /** Start describing a package. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Describes a package: where its classes and dependencies come from and where it goes.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Path classes;
    private final List<Path> dependencies = new ArrayList<>();
    private final List<String> allowedSecrets = new ArrayList<>();
    private Instant timestamp = DEFAULT_TIMESTAMP;
    private Path output;

    private Builder() {}

    /**
     * Put the files under this directory (a build's compiled classes and resources) at the root.
     */
    public Builder classes(Path directory) {
      this.classes = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Add dependency JARs, each as {@code lib/<its file name>}. The runtime orders {@code lib/} by
     * name, not by this order (see {@code docs/shipping.md}).
     */
    public Builder dependencies(List<Path> jars) {
      this.dependencies.addAll(jars);
      return this;
    }

    /**
     * Allow entries that look like secrets: an entry name as a finding names it, or a glob over
     * names ({@code *} within a path segment, {@code **} across segments).
     */
    public Builder allowSecret(String entryOrGlob) {
      this.allowedSecrets.add(Objects.requireNonNull(entryOrGlob, "entryOrGlob"));
      return this;
    }

    /** Stamp every entry with this time instead of 1980-01-01T00:00:00 (UTC, two-second steps). */
    public Builder timestamp(Instant timestamp) {
      this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
      return this;
    }

    /** Write the package to this file; its directory is created if needed. */
    public Builder output(Path zip) {
      this.output = Objects.requireNonNull(zip, "zip");
      return this;
    }

    /**
     * Check the inputs, refuse secrets and write the package (atomically: a refused package leaves
     * no file behind).
     *
     * @return what was written
     * @throws PackagingException naming the input or each entry at fault
     */
    public FunctionPackage build() {
      if (output == null) {
        throw new PackagingException("No output: set the package's file with output(...)");
      }
      LocalDateTime stamp = LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC);
      if (stamp.getYear() < 1980 || stamp.getYear() > 2107) {
        throw new PackagingException("The timestamp must fall in 1980–2107 (ZIP): " + timestamp);
      }
      try {
        Map<String, byte[]> entries = collect();
        List<SecretFinding> allowed = checkSecrets(entries);
        write(entries, stamp);
        return new FunctionPackage(output, List.copyOf(entries.keySet()), allowed);
      } catch (IOException e) {
        throw new PackagingException(
            "Could not write " + output + ": " + e.getMessage(), List.of(), e);
      }
    }

    private Map<String, byte[]> collect() throws IOException {
      Map<String, byte[]> entries = new TreeMap<>();
      Map<String, String> origins = new LinkedHashMap<>();
      if (classes != null) {
        if (!Files.isDirectory(classes)) {
          throw new PackagingException("Classes directory not found: " + classes);
        }
        List<Path> files;
        // Links are followed: a linked directory's files ship, as an unzip of a copy would have
        // them.
        try (Stream<Path> walk = Files.walk(classes, FileVisitOption.FOLLOW_LINKS)) {
          files = walk.filter(p -> !p.equals(classes)).collect(Collectors.toList());
        }
        for (Path file : files) {
          String name = entryName(classes.relativize(file));
          if (Files.isDirectory(file)) {
            entries.put(name + "/", new byte[0]);
          } else {
            entries.put(name, Files.readAllBytes(file));
            origins.put(name, file.toString());
          }
        }
      }
      if (!dependencies.isEmpty()) {
        entries.put("lib/", new byte[0]);
      }
      for (Path jar : dependencies.stream().distinct().toList()) {
        if (!Files.isRegularFile(jar)) {
          throw new PackagingException("Dependency not found: " + jar);
        }
        String name = "lib/" + jar.getFileName();
        String clash = origins.putIfAbsent(name, jar.toString());
        if (clash != null) {
          throw new PackagingException(
              "Two inputs make the entry " + name + ": " + clash + " and " + jar);
        }
        entries.put(name, Files.readAllBytes(jar));
      }
      return entries;
    }

    private List<SecretFinding> checkSecrets(Map<String, byte[]> entries) throws IOException {
      EntryPatterns allow = new EntryPatterns(allowedSecrets);
      List<SecretFinding> refused = new ArrayList<>();
      List<SecretFinding> allowed = new ArrayList<>();
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        for (SecretFinding finding : SecretScanner.scan(entry.getKey(), entry.getValue())) {
          (allow.matches(finding.entry()) ? allowed : refused).add(finding);
        }
      }
      if (!refused.isEmpty()) {
        StringBuilder message =
            new StringBuilder("Refused to package ")
                .append(output)
                .append(": ")
                .append(refused.size())
                .append(refused.size() == 1 ? " entry looks" : " entries look")
                .append(" like a secret");
        refused.forEach(f -> message.append(System.lineSeparator()).append(f.message()));
        throw new PackagingException(message.toString(), refused, null);
      }
      return allowed;
    }

    private void write(Map<String, byte[]> entries, LocalDateTime stamp) throws IOException {
      Path target = output.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
      try {
        try (OutputStream file = Files.newOutputStream(partial);
            ZipWriter zip = new ZipWriter(file, stamp)) {
          for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().endsWith("/")) {
              zip.directory(entry.getKey());
            } else {
              zip.file(entry.getKey(), entry.getValue());
            }
          }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    }

    private static String entryName(Path relative) {
      List<String> parts = new ArrayList<>();
      relative.forEach(part -> parts.add(part.toString()));
      return String.join("/", parts);
    }
  }
}
