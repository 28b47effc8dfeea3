package dev.lambdalocal.junit.internal;

import dev.lambdalocal.junit.LambdaTest.ColdStart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What identifies a function of {@link FunctionSettings}: everything but where each value came
 * from.
 */
record SettingsValues(
    Object handler,
    String functionName,
    Duration timeout,
    int memorySize,
    String region,
    Map<String, String> environment,
    List<Path> environmentFiles,
    ColdStart coldStart,
    boolean quiet,
    Path artifact) {

  // Written out: a record's generated equals/hashCode bootstrap java.lang.runtime.ObjectMethods
  // on first use, tens of milliseconds of a cold start's CPU (benchmarks/coldstart.sh).
  @Override
  public boolean equals(Object other) {
    return other instanceof SettingsValues that
        && Objects.equals(handler, that.handler)
        && Objects.equals(functionName, that.functionName)
        && timeout.equals(that.timeout)
        && memorySize == that.memorySize
        && region.equals(that.region)
        && environment.equals(that.environment)
        && environmentFiles.equals(that.environmentFiles)
        && coldStart == that.coldStart
        && quiet == that.quiet
        && Objects.equals(artifact, that.artifact);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        handler,
        functionName,
        timeout,
        memorySize,
        region,
        environment,
        environmentFiles,
        coldStart,
        quiet,
        artifact);
  }
}
