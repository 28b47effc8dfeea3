package dev.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the {@code run} command's arguments and results through picocli, in this JVM. */
class RunCommandTests {

  static final String GREETER = "dev.lambdalocal.cli.RunHandlers$Greeter";
  static final String FAILING = "dev.lambdalocal.cli.RunHandlers$Failing";
  static final String SLEEPING = "dev.lambdalocal.cli.RunHandlers$Sleeping";
  static final String IDENTITY = "us-east-1:0f3b7a2c-1d4e-4c5f-8a9b-0c1d2e3f4a5b";
  static final String POOL = "us-east-1:7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9";
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir static Path outside;

  @TempDir Path dir;

  /** Compile a handler that is on no class path of this JVM, into a directory and into a JAR. */
  @BeforeAll
  static void compileOutsideHandler() throws IOException, URISyntaxException {
    Path source = outside.resolve("src/outside/Shout.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package outside;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;

        public class Shout implements RequestHandler<String, String> {
          @Override
          public String handleRequest(String input, Context context) {
            return input.toUpperCase();
          }
        }
        """);
    Path coreJar =
        Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null,
            null,
            null,
            "--release",
            "17",
            "-cp",
            coreJar.toString(),
            "-d",
            outside.resolve("classes").toString(),
            source.toString());
    assertThat(status).isZero();
    Files.createDirectories(outside.resolve("lib"));
    try (OutputStream file = Files.newOutputStream(outside.resolve("lib/shout.jar"));
        JarOutputStream jar = new JarOutputStream(file)) {
      jar.putNextEntry(new JarEntry("outside/Shout.class"));
      jar.write(Files.readAllBytes(outside.resolve("classes/outside/Shout.class")));
      jar.closeEntry();
    }
  }

  @Test
  void writesExactlyThePayloadAndExitsZero() throws IOException {
    Path event = write("event.json", "{\"name\": \"Ada\", \"identity_id\": \"%IDENTITY_ID%\"}");

    Run run =
        run(
            "run",
            "--handler",
            GREETER,
            "--event",
            event.toString(),
            "--identity-id",
            IDENTITY,
            "--identity-pool-id",
            POOL,
            "--quiet");

    assertThat(run.status).isZero();
    assertThat(run.stdout())
        .isEqualTo(
            "{\"greeting\":\"Hello, Ada\",\"eventIdentityId\":\""
                + IDENTITY
                + "\",\"identityId\":\""
                + IDENTITY
                + "\",\"identityPoolId\":\""
                + POOL
                + "\",\"functionName\":\"Greeter\",\"memory\":128,\"region\":\"us-east-1\"}");
    assertThat(run.stderr).isEmpty();
  }

  @Test
  void logsGoToStandardErrorWithTheStartEndAndReportLines() throws IOException {
    Path event = write("event.json", "{\"name\": \"Ada\"}");

    Run run = run("run", "--handler", GREETER, "--event", event.toString());

    assertThat(run.status).isZero();
    assertThat(run.stdout())
        .startsWith("{\"greeting\":\"Hello, Ada\",")
        .doesNotContain("greeting Ada");
    assertThat(run.stderr)
        .containsPattern("(?m)^START RequestId: " + UUID + " Version: \\$LATEST$")
        .contains("greeting Ada\n", "logged through LambdaLogger\n")
        .containsPattern("(?m)^END RequestId: " + UUID + "$")
        .containsPattern(
            "(?m)^REPORT RequestId: " + UUID + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: ");
  }

  @Test
  void generatesACognitoIdentityInTheRegionAndSubstitutesIt() throws IOException {
    Path event = write("event.json", "{\"name\": \"Ada\", \"identity_id\": \"%IDENTITY_ID%\"}");

    Run run =
        run("run", "--handler", GREETER, "--event", event.toString(), "--region", "eu-west-1");

    assertThat(run.status).isZero();
    assertThat(run.stdout())
        .matches(
            "\\{\"greeting\":\"Hello, Ada\",\"eventIdentityId\":\"(eu-west-1:"
                + UUID
                + ")\",\"identityId\":\"\\1\",\"identityPoolId\":\"eu-west-1:"
                + UUID
                + "\",.*\"region\":\"eu-west-1\"}");
  }

  @Test
  void theCallerHasNoIdentityUnlessTheEventOrAnOptionAsksForOne() throws IOException {
    Path plain = write("plain.json", "{\"name\": \"Ada\"}");

    Run none = run("run", "--handler", GREETER, "--event", plain.toString(), "--quiet");
    Run asked =
        run(
            "run",
            "--handler",
            GREETER,
            "--event",
            plain.toString(),
            "--identity-pool-id",
            POOL,
            "--quiet");

    // A caller without Cognito credentials: the runtime gives Context.getIdentity() == null.
    assertThat(none.stdout()).doesNotContain("identityId").contains("\"greeting\":\"Hello, Ada\"");
    assertThat(asked.stdout())
        .matches(
            "\\{\"greeting\":\"Hello, Ada\",\"identityId\":\"us-east-1:"
                + UUID
                + "\",\"identityPoolId\":\""
                + POOL
                + "\",.*");
  }

  @Test
  void readsTheEventFromStandardInput() {
    Run run =
        runWithInput(
            "{\"name\": \"stdin\"}", "run", "--handler", GREETER, "--event", "-", "--quiet");

    assertThat(run.status).isZero();
    assertThat(run.stdout()).startsWith("{\"greeting\":\"Hello, stdin\",");
  }

  @Test
  void passesConfigurationToTheFunction() throws IOException {
    Path event = write("event.json", "{\"name\": \"Ada\"}");
    Path envFile =
        write(
            "env.json",
            "{\"Parameters\": {\"FROM_FILE\": \"file\", \"GREETING\": \"overridden\"},"
                + " \"greeter_fn\": {\"GREETING\": \"also overridden\"}}");

    Run run =
        run(
            "run",
            "--handler",
            GREETER,
            "--event",
            event.toString(),
            "--function-name",
            "greeter_fn",
            "--memory",
            "512",
            "--timeout",
            "30",
            "--env-file",
            envFile.toString(),
            "--env",
            "GREETING=hi",
            "--client-context",
            "{\"custom\": {\"tenant\": \"acme\"}}",
            "--quiet");

    assertThat(run.status).isZero();
    assertThat(run.stdout())
        .contains(
            "\"functionName\":\"greeter_fn\",\"memory\":512,\"region\":\"us-east-1\","
                + "\"greetingVariable\":\"hi\",\"fileVariable\":\"file\",\"tenant\":\"acme\"}");
  }

  @Test
  void loadsTheHandlerFromTheGivenClassPath() throws IOException {
    Path event = write("event.json", "\"hello\"");
    String directory = outside.resolve("classes").toString();
    String jars = outside.resolve("lib") + File.separator + "*";

    Run fromDirectory =
        run("run", "--handler", "outside.Shout", "--event", event.toString(), "-cp", directory);
    Run fromJar =
        run(
            "run",
            "--handler",
            "outside.Shout::handleRequest",
            "--event",
            event.toString(),
            "--classpath",
            File.pathSeparator + jars,
            "--quiet");

    assertThat(fromDirectory.status).isZero();
    assertThat(fromDirectory.stdout()).isEqualTo("\"HELLO\"");
    assertThat(fromJar.status).isZero();
    assertThat(fromJar.stdout()).isEqualTo("\"HELLO\"");
  }

  @Test
  void functionErrorWritesTheErrorDocumentAndExitsOne() throws IOException {
    Path event = write("event.json", "{}");

    Run run = run("run", "--handler", FAILING, "--event", event.toString());

    assertThat(run.status).isEqualTo(1);
    assertThat(run.stdout())
        .startsWith(
            "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\","
                + "\"stackTrace\":[");
    assertThat(run.stderr).contains("about to fail\n").contains("REPORT RequestId: ");
  }

  @Test
  void unknownHandlerClassIsAFunctionError() throws IOException {
    Path event = write("event.json", "{}");

    Run run = run("run", "--handler", "outside.Shout", "--event", event.toString(), "--quiet");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.stdout())
        .startsWith(
            "{\"errorMessage\":\"Class not found: outside.Shout\","
                + "\"errorType\":\"java.lang.ClassNotFoundException\"");
  }

  @Test
  void timeoutWritesLambdasTimeoutErrorAndExitsOne() throws IOException {
    Path event = write("event.json", "{}");

    Run run =
        run("run", "--handler", SLEEPING, "--event", event.toString(), "--timeout", "1", "-q");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.stdout())
        .matches(
            "\\{\"errorMessage\":\"RequestId: "
                + UUID
                + " Error: Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}");
  }

  @Test
  void malformedEventIsAConfigurationErrorNamingFileLineAndColumn() throws IOException {
    Path event = write("bad.json", "{\n  \"name\": \"Ada\",\n}\n");

    Run run = run("run", "--handler", GREETER, "--event", event.toString());

    assertThat(run.status).isEqualTo(2);
    assertThat(run.bytes).isEmpty();
    assertThat(run.stderr)
        .isEqualTo(
            "lambda-local run: "
                + event
                + ": line 3, column 1: Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start field name\n");
  }

  @Test
  void usageAndConfigurationErrorsAreOneLineAndExitTwo() throws IOException {
    String event = write("event.json", "{}").toString();
    String missing = dir.resolve("missing").toString();

    assertUsageError(
        "lambda-local run: Missing required option: '--handler=<class[::method]>'"
            + " (see 'lambda-local run --help')",
        "run",
        "--event",
        event);
    assertUsageError(
        "lambda-local run: Unknown option: '--bogus' (see 'lambda-local run --help')",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--bogus");
    assertUsageError(
        "lambda-local run: Invalid value for option '--timeout': 'soon' is not an int"
            + " (see 'lambda-local run --help')",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--timeout",
        "soon");
    assertUsageError(
        "lambda-local run: --env: expected NAME=value, got 'GREETING'",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--env",
        "GREETING");
    assertUsageError(
        "lambda-local: Missing required subcommand: run, serve, connect, package, deploy, secrets"
            + " (see 'lambda-local"
            + " --help')");
    assertUsageError(
        "lambda-local: Unmatched argument at index 0: 'walk' (see 'lambda-local --help')", "walk");
    assertUsageError(
        "lambda-local run: " + missing + ": no such file",
        "run",
        "--handler",
        GREETER,
        "--event",
        missing);
    assertUsageError(
        "lambda-local run: /dev/zero: larger than 6291456 bytes, the most the Lambda Invoke API"
            + " takes (Lambda answers RequestEntityTooLargeException: Request must be smaller than"
            + " 6291456 bytes for the InvokeFunction operation)",
        "run",
        "--handler",
        GREETER,
        "--event",
        "/dev/zero");
    assertUsageError(
        "lambda-local run: --identity-id: 'someone' is not a Cognito id: expected <region>:<uuid>",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--identity-id",
        "someone");
    assertUsageError(
        "lambda-local run: --classpath: no such file or directory: " + missing,
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--classpath",
        missing);
    // java -cp and URLClassLoader skip an entry they cannot read; run refuses it as a missing one.
    String notAJar = write("lib.jar", "not a zip").toString();
    assertUsageError(
        "lambda-local run: --classpath: cannot use " + notAJar + ": not a JAR or ZIP file",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--classpath",
        notAJar);
    assertUsageError(
        "lambda-local run: --classpath: cannot use " + notAJar + ": not a JAR or ZIP file",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--classpath",
        dir + "/*");
    assertUsageError(
        "lambda-local run: --client-context: line 1, column 2: Unexpected character ('x' (code"
            + " 120)): was expecting double-quote to start field name",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--client-context",
        "{x}");
    assertUsageError(
        "lambda-local run: Timeout must be a whole number of seconds from 1 to 900, got 0.0 s",
        "run",
        "--handler",
        GREETER,
        "--event",
        event,
        "--timeout",
        "0");
  }

  @Test
  void helpGoesToStandardOutputAndExitsZero() {
    Run run = run("run", "--help");

    assertThat(run.status).isZero();
    assertThat(run.stdout())
        .startsWith("Usage: lambda-local run ")
        .contains("--event=<file|->", "%IDENTITY_ID%", "2   usage or configuration error");
    assertThat(run.stderr).isEmpty();
  }

  @Test
  void helpOfTheCommandLineListsEveryCommand() {
    Run run = run("--help");

    assertThat(run.status).isZero();
    assertThat(run.stdout())
        .startsWith("Usage: lambda-local ")
        .containsPattern("(?m)^  run +Invoke a Lambda handler once")
        .containsPattern("(?m)^  serve +")
        .containsPattern("(?m)^  connect +");
  }

  private void assertUsageError(String message, String... args) {
    Run run = run(args);

    assertThat(run.stderr).as("stderr of %s", String.join(" ", args)).isEqualTo(message + "\n");
    assertThat(run.status).isEqualTo(2);
    assertThat(run.bytes).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static Run run(String... args) {
    return runWithInput("", args);
  }

  private static Run runWithInput(String stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = LambdaLocalCli.commandLine(in, out, errStream, args).execute(args);
    }
    return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int status, byte[] bytes, String stderr) {
    String stdout() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
