package dev.lambdalocal.aws.internal.server;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Which {@link MountedService} stands behind each public service object (a {@code CognitoMock}, a
 * {@code SecretsManagerMock}, …), so that the offline account can serve a service's state on its
 * own port without the public classes exposing their internals.
 */
public final class Mounts {

  private static final Map<Object, MountedService> SERVICES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private Mounts() {}

  /** Record that {@code owner} answers through {@code service}. */
  public static void register(Object owner, MountedService service) {
    SERVICES.put(owner, service);
  }

  /** Return the service behind {@code owner}, if it registered one. */
  public static Optional<MountedService> of(Object owner) {
    return Optional.ofNullable(SERVICES.get(owner));
  }
}
