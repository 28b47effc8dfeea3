package dev.lambdalocal.lambda.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The functions of one offline Lambda service: versions, aliases and the states of the function
 * lifecycle (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html). Thread-safe.
 *
 * <p>A change answers with the state AWS answers with ({@code State: Pending} after {@code
 * CreateFunction}, {@code LastUpdateStatus: InProgress} after an update) and {@linkplain
 * #settle(String) settles} once the answer is written, so the next call sees {@code Active} and
 * {@code Successful} and SDK waiters return at their first poll. {@link #holdTransitions()} keeps
 * changes unsettled, for tests of what AWS refuses meanwhile.
 */
public final class FunctionStore implements AutoCloseable {

  /** A version as an operation reports it, with the lifecycle state of that moment. */
  public record View(
      FunctionVersion version, String state, String lastUpdateStatus, boolean creating) {}

  private static final class Entry {
    FunctionVersion latest;
    String state = "Pending";
    String lastUpdateStatus;
    boolean creating = true;
    final TreeMap<Integer, FunctionVersion> versions = new TreeMap<>();
    final Map<String, AliasRecord> aliases = new LinkedHashMap<>();
    int nextVersion = 1;
  }

  private final FunctionNames names;
  private final Clock clock;
  private final Consumer<String> onChange;
  private final Map<String, Entry> functions = new LinkedHashMap<>();
  private final List<String> held = new ArrayList<>();
  private boolean holding;

  /**
   * Keep functions of {@code names}, dated by {@code clock}; {@code onChange} hears the name of
   * each function whose code or configuration changed (to discard its execution environments).
   */
  public FunctionStore(FunctionNames names, Clock clock, Consumer<String> onChange) {
    this.names = names;
    this.clock = clock;
    this.onChange = onChange;
  }

  /** Return the ARNs of this store's region and account. */
  public FunctionNames names() {
    return names;
  }

  /** Create a function; it is {@code Pending} until {@link #settle(String)}. */
  public synchronized View create(String name, FunctionSettings settings, FunctionCode code) {
    if (functions.containsKey(name)) {
      throw ApiError.functionExists(name);
    }
    Entry entry = new Entry();
    entry.latest = version(name, FunctionVersion.LATEST, settings, code);
    functions.put(name, entry);
    return view(entry);
  }

  /** Replace the code of {@code $LATEST}; {@code LastUpdateStatus} is {@code InProgress}. */
  public View updateCode(String name, FunctionCode code, String revisionId) {
    FunctionCode replaced;
    View view;
    synchronized (this) {
      Entry entry = updatable(name, revisionId);
      replaced = entry.latest.code();
      entry.latest = version(name, FunctionVersion.LATEST, entry.latest.settings(), code);
      entry.lastUpdateStatus = "InProgress";
      view = view(entry);
      if (usedByVersions(entry, replaced)) {
        replaced = null;
      }
    }
    if (replaced != null) {
      replaced.close();
    }
    onChange.accept(name);
    return view;
  }

  /**
   * Replace the configuration of {@code $LATEST}; {@code LastUpdateStatus} is {@code InProgress}.
   */
  public View updateConfiguration(String name, FunctionSettings settings, String revisionId) {
    View view;
    synchronized (this) {
      Entry entry = updatable(name, revisionId);
      entry.latest = version(name, FunctionVersion.LATEST, settings, entry.latest.code());
      entry.lastUpdateStatus = "InProgress";
      view = view(entry);
    }
    onChange.accept(name);
    return view;
  }

  private Entry updatable(String name, String revisionId) {
    Entry entry = entry(name);
    if ("InProgress".equals(entry.lastUpdateStatus) || "Pending".equals(entry.state)) {
      throw ApiError.updateInProgress(names.arn(name));
    }
    checkRevision(revisionId, entry.latest.revisionId());
    return entry;
  }

  private static void checkRevision(String given, String current) {
    if (given != null && !given.equals(current)) {
      throw ApiError.preconditionFailed();
    }
  }

  /** Make the last change of {@code name} take effect: {@code Active}, {@code Successful}. */
  public synchronized void settle(String name) {
    if (holding) {
      held.add(name);
      return;
    }
    Entry entry = functions.get(name);
    if (entry != null) {
      entry.state = "Active";
      entry.lastUpdateStatus = "Successful";
      entry.creating = false;
    }
  }

  /** Keep every later change unsettled until {@link #releaseTransitions()}. */
  public synchronized void holdTransitions() {
    holding = true;
  }

  /** Settle the changes held since {@link #holdTransitions()} and stop holding. */
  public synchronized void releaseTransitions() {
    holding = false;
    List<String> pending = new ArrayList<>(held);
    held.clear();
    pending.forEach(this::settle);
  }

  /** Return the current view of {@code $LATEST}. */
  public synchronized View latest(String name) {
    return view(entry(name));
  }

  /**
   * Return the version a qualifier names: {@code $LATEST} when null, a published number, or the
   * version of an alias.
   */
  public synchronized View resolve(String name, String qualifier) {
    Entry entry = entry(name);
    if (qualifier == null || qualifier.equals(FunctionVersion.LATEST)) {
      return view(entry);
    }
    FunctionVersion version = published(entry, name, qualifier);
    if (version == null) {
      AliasRecord alias = entry.aliases.get(qualifier);
      if (alias == null) {
        throw ApiError.functionNotFound(names.arn(name, qualifier));
      }
      if (alias.functionVersion().equals(FunctionVersion.LATEST)) {
        return view(entry);
      }
      version = entry.versions.get(Integer.parseInt(alias.functionVersion()));
    }
    return new View(version, "Active", "Successful", false);
  }

  private FunctionVersion published(Entry entry, String name, String qualifier) {
    if (!qualifier.chars().allMatch(Character::isDigit)) {
      return null;
    }
    FunctionVersion version = entry.versions.get(Integer.parseInt(qualifier));
    if (version == null) {
      throw ApiError.functionNotFound(names.arn(name, qualifier));
    }
    return version;
  }

  /** Return every function's {@code $LATEST}, in order of creation. */
  public synchronized List<View> list() {
    List<View> views = new ArrayList<>();
    functions.values().forEach(entry -> views.add(view(entry)));
    return views;
  }

  /** Return {@code $LATEST} and the published versions of a function. */
  public synchronized List<View> versions(String name) {
    Entry entry = entry(name);
    List<View> views = new ArrayList<>();
    views.add(view(entry));
    entry.versions.values().forEach(v -> views.add(new View(v, "Active", "Successful", false)));
    return views;
  }

  /**
   * Publish {@code $LATEST} as the next version, or return the newest version when nothing changed
   * since it was published, as AWS does.
   */
  public synchronized View publish(String name, String description, String codeSha256) {
    Entry entry = entry(name);
    if ("InProgress".equals(entry.lastUpdateStatus) || "Pending".equals(entry.state)) {
      throw ApiError.updateInProgress(names.arn(name));
    }
    FunctionVersion latest = entry.latest;
    if (codeSha256 != null && !codeSha256.equals(latest.code().sha256())) {
      throw ApiError.invalidParameter(
          "CodeSHA256 ("
              + codeSha256
              + ") is different from current CodeSHA256 in $LATEST ("
              + latest.code().sha256()
              + "). Please try again with the CodeSHA256 in $LATEST.");
    }
    if (!entry.versions.isEmpty()) {
      FunctionVersion newest = entry.versions.lastEntry().getValue();
      if (newest.code() == latest.code() && newest.settings().equals(latest.settings())) {
        return new View(newest, "Active", "Successful", false);
      }
    }
    int number = entry.nextVersion++;
    FunctionSettings settings = latest.settings();
    if (description != null) {
      settings =
          new FunctionSettings(
              settings.handler(),
              settings.runtime(),
              settings.role(),
              description,
              settings.memorySize(),
              settings.timeout(),
              settings.environment());
    }
    FunctionVersion version =
        new FunctionVersion(
            name, Integer.toString(number), settings, latest.code(), revision(), clock.instant());
    entry.versions.put(number, version);
    return new View(version, "Active", "Successful", false);
  }

  /** Delete a function with all its versions, or one published version. */
  public void delete(String name, String qualifier) {
    Set<FunctionCode> released = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    synchronized (this) {
      Entry entry = entry(name);
      if (qualifier == null) {
        functions.remove(name);
        released.add(entry.latest.code());
        entry.versions.values().forEach(v -> released.add(v.code()));
      } else if (qualifier.equals(FunctionVersion.LATEST)) {
        throw ApiError.invalidParameter(
            "$LATEST version cannot be deleted without deleting the function.");
      } else {
        FunctionVersion version = published(entry, name, qualifier);
        if (version == null) {
          throw ApiError.invalidParameter(
              "Deletion of aliases is not supported by DeleteFunction.");
        }
        entry.versions.remove(Integer.parseInt(qualifier));
        if (!usedByVersions(entry, version.code()) && entry.latest.code() != version.code()) {
          released.add(version.code());
        }
      }
    }
    released.forEach(FunctionCode::close);
    onChange.accept(name);
  }

  /** Create an alias of an existing version. */
  public synchronized AliasRecord createAlias(
      String name, String alias, String functionVersion, String description) {
    Entry entry = entry(name);
    if (entry.aliases.containsKey(alias)) {
      throw ApiError.aliasExists(names.arn(name, alias));
    }
    checkVersionExists(entry, name, functionVersion);
    AliasRecord record =
        new AliasRecord(alias, functionVersion, description == null ? "" : description, revision());
    entry.aliases.put(alias, record);
    return record;
  }

  /** Return an alias. */
  public synchronized AliasRecord alias(String name, String alias) {
    AliasRecord record = entry(name).aliases.get(alias);
    if (record == null) {
      throw ApiError.aliasNotFound(names.arn(name, alias));
    }
    return record;
  }

  /** Return the aliases of a function, in order of creation. */
  public synchronized List<AliasRecord> aliases(String name) {
    return List.copyOf(entry(name).aliases.values());
  }

  /** Point an alias at another version and/or change its description; null leaves a field. */
  public synchronized AliasRecord updateAlias(
      String name, String alias, String functionVersion, String description, String revisionId) {
    Entry entry = entry(name);
    AliasRecord current = alias(name, alias);
    checkRevision(revisionId, current.revisionId());
    if (functionVersion != null) {
      checkVersionExists(entry, name, functionVersion);
    }
    AliasRecord updated =
        new AliasRecord(
            alias,
            functionVersion != null ? functionVersion : current.functionVersion(),
            description != null ? description : current.description(),
            revision());
    entry.aliases.put(alias, updated);
    return updated;
  }

  /** Delete an alias; deleting one that does not exist succeeds, as in AWS. */
  public synchronized void deleteAlias(String name, String alias) {
    entry(name).aliases.remove(alias);
  }

  private void checkVersionExists(Entry entry, String name, String version) {
    if (version.equals(FunctionVersion.LATEST)) {
      return;
    }
    if (!version.chars().allMatch(Character::isDigit)
        || !entry.versions.containsKey(Integer.parseInt(version))) {
      throw ApiError.functionNotFound(names.arn(name, version));
    }
  }

  private Entry entry(String name) {
    Entry entry = functions.get(name);
    if (entry == null) {
      throw ApiError.functionNotFound(names.arn(name));
    }
    return entry;
  }

  private static boolean usedByVersions(Entry entry, FunctionCode code) {
    return entry.versions.values().stream().anyMatch(v -> v.code() == code);
  }

  private FunctionVersion version(
      String name, String version, FunctionSettings settings, FunctionCode code) {
    return new FunctionVersion(
        name, version, settings, Objects.requireNonNull(code), revision(), clock.instant());
  }

  private static View view(Entry entry) {
    return new View(entry.latest, entry.state, entry.lastUpdateStatus, entry.creating);
  }

  private static String revision() {
    return UUID.randomUUID().toString();
  }

  /** Delete every function's extracted code. */
  @Override
  public void close() {
    Set<FunctionCode> codes = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    synchronized (this) {
      for (Entry entry : functions.values()) {
        codes.add(entry.latest.code());
        entry.versions.values().forEach(v -> codes.add(v.code()));
      }
      functions.clear();
    }
    codes.forEach(FunctionCode::close);
  }
}
