package dev.lambdalocal.account.internal;

import dev.lambdalocal.account.OfflineAccount;
import dev.lambdalocal.core.LambdaConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;

/**
 * An offline account started only when a function needs it: the command line's {@code run}, and the
 * account lambda-local-junit gives a {@code @LambdaTest} function without
 * {@code @WithOfflineAccount}.
 *
 * <p>Starting an {@link OfflineAccount} (its WireMock servers) takes far longer than a whole
 * one-shot {@code run} of a function that never calls AWS (docs/performance.md), so its callers do
 * not wait for it. It binds two loopback ports at once, the account's endpoint and the extension's
 * API, and gives the function an environment minted for them before the account exists ({@link
 * OfflineAccount.Builder#executionEnvironmentBeforeStart}). The account starts when the first
 * connection arrives on either port, and that connection and every later one are relayed, byte for
 * byte, to the started account: the function's first request waits for the start, and a function
 * that never calls it never starts it. (Starting it anyway a little after the function began, to
 * overlap the function's own SDK start-up, showed no gain on a busy two-core machine and would cost
 * CPU to every function that runs for longer, so it is not done.) Both ports are bound to 127.0.0.1
 * only, and so are the account's own.
 *
 * @since 0.1.0
 */
public final class OnDemandAccount implements AutoCloseable {

  /**
   * How a caller's messages name things.
   *
   * @param prefix what begins a message on the error stream, e.g. {@code "lambda-local run: "}
   * @param accountPortOption the option or setting of the account's port, e.g. {@code
   *     --account-port}, which begins the message of a port in use
   * @param extensionPortOption the option or setting of the extension API's port
   */
  public record Wording(String prefix, String accountPortOption, String extensionPortOption) {}

  private static final String EXTENSION_PORT = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";

  private static final InetAddress LOOPBACK = loopback();

  private final OfflineAccount.Builder builder;
  private final ServerSocket endpointPort;
  private final ServerSocket extensionPort;
  private final PrintStream err;
  private final Wording wording;
  private final Map<String, Map<String, String>> environments = new HashMap<>();
  private final CountDownLatch needed = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private boolean starting;
  private boolean closed;
  private OfflineAccount started;
  private IntConsumer moved;

  private OnDemandAccount(
      OfflineAccount.Builder builder,
      ServerSocket endpointPort,
      ServerSocket extensionPort,
      PrintStream err,
      Wording wording) {
    this.builder = builder;
    this.endpointPort = endpointPort;
    this.extensionPort = extensionPort;
    this.err = err;
    this.wording = wording;
  }

  /**
   * Bind the account's ports and wait for the function; no server starts and nothing is minted yet.
   *
   * @param builder the account, started on a free port of its own with the extension's API on
   *     another
   * @param accountPort the port the function reaches the account on, 0 for a free one
   * @param extensionPort the port of the extension's API; when {@code extensionPortGiven} is false
   *     and it is in use, a free one, and {@code moved} (unless null) is told that one's number
   *     when the first function gets its environment, so that a function that never runs hears of
   *     none
   * @param extensionPortGiven whether {@code extensionPort} was chosen, so that its being in use is
   *     an error
   * @param wording how messages name the caller and its settings
   * @param err where a failure to start the account, later, is reported
   * @param moved told the extension API's port when it is not {@code extensionPort}, or null
   * @return the account, its ports bound
   * @throws LambdaConfigurationException naming the setting of a port in use
   * @since 0.1.0
   */
  public static OnDemandAccount open(
      OfflineAccount.Builder builder,
      int accountPort,
      int extensionPort,
      boolean extensionPortGiven,
      Wording wording,
      PrintStream err,
      IntConsumer moved) {
    ServerSocket endpoint = bind(wording.accountPortOption(), accountPort);
    ServerSocket extension;
    try {
      extension =
          extensionPortGiven
              ? bind(wording.extensionPortOption(), extensionPort)
              : bindOrFree(wording.extensionPortOption(), extensionPort);
    } catch (RuntimeException e) {
      closeQuietly(endpoint);
      throw e;
    }
    OnDemandAccount account =
        new OnDemandAccount(builder.port(0).extensionPort(0), endpoint, extension, err, wording);
    if (moved != null && extension.getLocalPort() != extensionPort && extensionPort != 0) {
      account.moved = moved;
    }
    account.daemon("lambda-local-account-start", account::startWhenNeeded);
    account.daemon(
        "lambda-local-account-door-" + endpoint.getLocalPort(),
        () -> account.accept(endpoint, running -> running.endpoint().getPort()));
    account.daemon(
        "lambda-local-extension-door-" + extension.getLocalPort(),
        () -> account.accept(extension, OfflineAccount::extensionPort));
    return account;
  }

  /**
   * Return where the function reaches the account: {@code http://127.0.0.1:<port>}.
   *
   * @return the endpoint
   * @since 0.1.0
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + endpointPort.getLocalPort());
  }

  /**
   * Return the port of the extension's API the function is told.
   *
   * @return the port
   * @since 0.1.0
   */
  public int extensionPort() {
    return extensionPort.getLocalPort();
  }

  /**
   * Return the variables of the function's execution environments (for {@code
   * LocalLambda.Builder.platformEnvironment}): minted once per function, before the account starts
   * if it has not; they stay valid for the run.
   *
   * @param functionName the function, the role session's name
   * @return the variables
   * @since 0.1.0
   */
  public Map<String, String> environment(String functionName) {
    Map<String, String> variables;
    synchronized (this) {
      if (moved != null) {
        moved.accept(extensionPort());
        moved = null;
      }
      variables = environments.get(functionName);
      if (variables == null && !starting) {
        variables =
            builder.executionEnvironmentBeforeStart(functionName, endpoint(), extensionPort());
        environments.put(functionName, variables);
      }
    }
    if (variables == null) {
      // Another function after the account began to start: one minted by the account itself.
      OfflineAccount account = awaitStart();
      if (account == null) {
        throw new IllegalStateException("the offline account did not start");
      }
      variables = new HashMap<>(account.executionEnvironment(functionName));
      variables.put("AWS_ENDPOINT_URL", endpoint().toString());
      variables.put(EXTENSION_PORT, Integer.toString(extensionPort()));
      synchronized (this) {
        environments.put(functionName, variables);
      }
    }
    return variables;
  }

  /**
   * Stop relaying and stop the account, without waiting for one still starting (it stops then).
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    OfflineAccount running;
    synchronized (this) {
      closed = true;
      running = started;
    }
    needed.countDown();
    closeQuietly(endpointPort);
    closeQuietly(extensionPort);
    connections.forEach(OnDemandAccount::closeQuietly);
    if (running != null) {
      running.close();
    }
  }

  private void startWhenNeeded() {
    try {
      needed.await();
      synchronized (this) {
        if (closed) {
          return;
        }
        starting = true;
      }
      OfflineAccount account;
      try {
        account = builder.start();
      } catch (RuntimeException e) {
        err.println(wording.prefix() + "the offline account could not start: " + e.getMessage());
        err.flush();
        return;
      }
      synchronized (this) {
        if (!closed) {
          started = account;
          return;
        }
      }
      account.close(); // closed while it started
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      done.countDown();
    }
  }

  /** Wait for the start; return the account, or null if it failed or was closed meanwhile. */
  private OfflineAccount awaitStart() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    synchronized (this) {
      return started;
    }
  }

  /** Relay every connection to {@code port} of the started account. */
  private void accept(ServerSocket door, ToIntFunction<OfflineAccount> port) {
    while (true) {
      Socket client;
      try {
        client = door.accept();
      } catch (IOException closedDoor) {
        return;
      }
      connections.add(client);
      needed.countDown();
      daemon("lambda-local-account-relay", () -> relay(client, port));
    }
  }

  private void relay(Socket client, ToIntFunction<OfflineAccount> port) {
    Socket upstream = null;
    try {
      OfflineAccount account = awaitStart();
      if (account == null) {
        return; // reported if the start failed; the client sees its connection close
      }
      upstream = new Socket(LOOPBACK, port.applyAsInt(account));
      connections.add(upstream);
      Socket target = upstream;
      Thread requests = daemon("lambda-local-account-relay", () -> copy(client, target));
      copy(upstream, client);
      requests.join();
    } catch (IOException e) {
      // The account or the function closed the connection: the other side sees it closed.
    } catch (RuntimeException e) {
      err.println(wording.prefix() + "the offline account cannot answer: " + e.getMessage());
      err.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      connections.remove(client);
      if (upstream != null) {
        closeQuietly(upstream);
        connections.remove(upstream);
      }
    }
  }

  /** Copy until {@code from} ends, then end {@code to}'s output (a half-close, as HTTP expects). */
  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16384];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // One side closed: the relay ends and closes both.
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static ServerSocket bind(String option, int port) {
    try {
      return new ServerSocket(port, 50, LOOPBACK);
    } catch (BindException e) {
      throw new LambdaConfigurationException(
          option
              + ": port "
              + port
              + " of 127.0.0.1 is in use by another process; choose another, or 0 for a free one",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private static ServerSocket bindOrFree(String option, int port) {
    try {
      return new ServerSocket(port, 50, LOOPBACK);
    } catch (BindException inUse) {
      return bind(option, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an IPv4 address
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Closing what is already closed or broken: nothing to report.
    }
  }
}
