package dev.lambdalocal.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalocal.aws.internal.protocol.Json;
import dev.lambdalocal.core.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Remembers one Cognito identity per environment between runs, like the old framework's {@code
 * .identity_<MODE>} files: {@code <base>/.lambda-local/identity_<environment>.json}, holding {@code
 * {"identityId": …, "identityPoolId": …}}. Add {@code .lambda-local/} to {@code .gitignore}.
 *
 * <pre>{@code
 * IdentityCache cache = IdentityCache.in(Path.of("."));
 * Identity identity = cognito.cachedIdentity(cache, "dev"); // the same identity on every run
 * }</pre>
 *
 * @since 0.1.0
 */
public final class IdentityCache {

  /** The folder, under the base directory, that holds the cache files. */
  public static final String DIRECTORY = ".lambda-local";

  private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private final Path directory;

  private IdentityCache(Path directory) {
    this.directory = directory;
  }

  /**
   * Return the cache under {@code baseDirectory}, in its {@value #DIRECTORY} folder.
   *
   * @param baseDirectory usually the project's root
   * @return the cache; nothing is created until an identity is stored
   */
  public static IdentityCache in(Path baseDirectory) {
    return new IdentityCache(
        Objects.requireNonNull(baseDirectory, "baseDirectory").resolve(DIRECTORY));
  }

  /**
   * Return the cache under the working directory.
   *
   * @return the cache in {@code ./.lambda-local}
   */
  public static IdentityCache inWorkingDirectory() {
    return in(Path.of("").toAbsolutePath());
  }

  /**
   * Return the folder of the cache files.
   *
   * @return {@code <base>/.lambda-local}
   */
  public Path directory() {
    return directory;
  }

  /**
   * Return the file of an environment.
   *
   * @param environment letters, digits, {@code .}, {@code _} and {@code -}, e.g. {@code dev}
   * @return {@code <base>/.lambda-local/identity_<environment>.json}
   * @throws IllegalArgumentException naming the environment when it is not a safe file name part
   */
  public Path file(String environment) {
    if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
      throw new IllegalArgumentException(
          "environment name must be letters, digits, '.', '_' or '-': " + environment);
    }
    return directory.resolve("identity_" + environment + ".json");
  }

  /**
   * Return the identity stored for an environment.
   *
   * @param environment the environment name
   * @return the identity, or empty when none is stored
   * @throws IllegalStateException naming the file when it is not a cache file
   * @throws UncheckedIOException when the file cannot be read
   */
  public Optional<Identity> load(String environment) {
    Path file = file(environment);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    try {
      JsonNode node = Json.MAPPER.readTree(content);
      String identityId = node.path("identityId").asText(null);
      String identityPoolId = node.path("identityPoolId").asText(null);
      if (Identity.isCognitoId(identityId) && Identity.isCognitoId(identityPoolId)) {
        return Optional.of(new Identity(identityId, identityPoolId));
      }
    } catch (IOException e) {
      throw new IllegalStateException(invalid(file), e);
    }
    throw new IllegalStateException(invalid(file));
  }

  private static String invalid(Path file) {
    return file
        + " is not an identity cache file (expected {\"identityId\": \"<region>:<uuid>\","
        + " \"identityPoolId\": \"<region>:<uuid>\"}); delete it to start afresh";
  }

  /**
   * Store the identity of an environment, replacing any other atomically.
   *
   * @param environment the environment name
   * @param identity the identity
   * @throws UncheckedIOException when the file cannot be written
   */
  public void store(String environment, Identity identity) {
    Path file = file(environment);
    ObjectNode node =
        Json.object()
            .put("identityId", identity.identityId())
            .put("identityPoolId", identity.identityPoolId());
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "identity_" + environment, ".tmp");
      Files.writeString(temporary, Json.write(node) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /**
   * Forget the identity of an environment.
   *
   * @param environment the environment name
   * @return whether a file was deleted
   */
  public boolean delete(String environment) {
    Path file = file(environment);
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }

  /**
   * Return the stored identity of an environment if it belongs to {@code identityPoolId}; otherwise
   * create one with {@code create} and store it.
   *
   * @param environment the environment name
   * @param identityPoolId the pool the identity must belong to
   * @param create makes a new identity, e.g. with {@code GetId}
   * @return the identity
   */
  public synchronized Identity getOrCreate(
      String environment, String identityPoolId, Supplier<Identity> create) {
    Optional<Identity> cached =
        load(environment).filter(identity -> identity.identityPoolId().equals(identityPoolId));
    if (cached.isPresent()) {
      return cached.get();
    }
    Identity created = Objects.requireNonNull(create.get(), "created identity");
    store(environment, created);
    return created;
  }
}
