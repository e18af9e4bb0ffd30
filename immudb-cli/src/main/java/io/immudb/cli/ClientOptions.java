package io.immudb.cli;

import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The connection and output options every immuclient and immuadmin command takes, before or after
 * the command name ({@code -a host get k} or {@code get k -a host}), also from the environment
 * ({@code IMMUCLIENT_*} / {@code IMMUADMIN_*}) and the tool's configuration file (key = the long
 * flag name; see {@link Tools#profile}). Builds the SDK client, keeps the session token in the
 * token file between runs, and holds the tool's {@link Console}, through which every command
 * prints. One instance per run of a tool, on one thread.
 */
public final class ClientOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "config file (default: ./configs/<tool>.toml, ~/.immudb/<tool>.toml or ~/<tool>.toml,"
              + " the first that exists)")
  Path config;

  @Option(
      names = {"-a", "--immudb-address"},
      defaultValue = "127.0.0.1",
      scope = ScopeType.INHERIT,
      description = "immudb host address (default: ${DEFAULT-VALUE})")
  String address;

  @Option(
      names = {"-p", "--immudb-port"},
      defaultValue = "3322",
      scope = ScopeType.INHERIT,
      description = "immudb port number (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--username",
      scope = ScopeType.INHERIT,
      description = "user name for login (default: asked, or immudb)")
  String username;

  @Option(
      names = "--password",
      scope = ScopeType.INHERIT,
      description = "password for login (default: asked without echo)")
  String password;

  @Option(
      names = "--database",
      scope = ScopeType.INHERIT,
      description = "database to select at login (default: defaultdb)")
  String database;

  @Option(
      names = "--tokenfile",
      scope = ScopeType.INHERIT,
      description = "file keeping the session token, owner-only (default: ~/.immudb/<tool>-token)")
  Path tokenFile;

  @Option(
      names = "--roots-filepath",
      scope = ScopeType.INHERIT,
      description = "folder keeping the verified states (default: ~/.immudb/roots)")
  Path rootsPath;

  @Option(
      names = "--server-signing-pub-key",
      scope = ScopeType.INHERIT,
      description = "PEM public key of the server; states must carry its signature")
  Path serverSigningPubKey;

  @Option(
      names = "--max-recv-msg-size",
      defaultValue = "33554432",
      scope = ScopeType.INHERIT,
      description = "largest answer accepted, in bytes (default: ${DEFAULT-VALUE})")
  int maxRecvMsgSize;

  @Option(
      names = "--output",
      defaultValue = "text",
      scope = ScopeType.INHERIT,
      description = "text or json (default: ${DEFAULT-VALUE})")
  String output;

  @Option(
      names = "--encoding",
      defaultValue = "text",
      scope = ScopeType.INHERIT,
      description =
          "keys and values as typed and shown: text (UTF-8), base64 or hex (default: ${DEFAULT-VALUE})")
  String encoding;

  @Option(
      names = "--value-only",
      scope = ScopeType.INHERIT,
      description = "print only the value for get operations")
  boolean valueOnly;

  @Option(
      names = {"-m", "--mtls"},
      scope = ScopeType.INHERIT,
      description =
          "enable mutual TLS: TLS presenting --certificate/--pkey, server checked against"
              + " --clientcas and --servername")
  boolean mtls;

  @Option(
      names = "--tls",
      scope = ScopeType.INHERIT,
      description =
          "enable TLS without a client certificate: server checked against --clientcas (default:"
              + " the JDK's CAs) and --servername")
  boolean tls;

  @Option(
      names = "--servername",
      defaultValue = "localhost",
      scope = ScopeType.INHERIT,
      description =
          "used to verify the hostname on the returned certificates; empty: the address (default:"
              + " ${DEFAULT-VALUE})")
  String serverName;

  @Option(
      names = "--certificate",
      scope = ScopeType.INHERIT,
      description = "PEM client certificate (chain) presented with --mtls")
  Path certificate;

  @Option(
      names = "--pkey",
      scope = ScopeType.INHERIT,
      description = "PEM private key of --certificate: PKCS#8 or traditional RSA/EC, unencrypted")
  Path pkey;

  @Option(
      names = "--clientcas",
      scope = ScopeType.INHERIT,
      description =
          "PEM CA bundle the server certificate must chain to, with --tls or --mtls (default: the"
              + " JDK's CAs)")
  Path clientCas;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "print stack traces of errors")
  boolean debug;

  private final Console console;
  private String tool = "immuclient";
  private ImmuClient client;

  /** Options of a root command that prints through {@code console}. */
  ClientOptions(Console console) {
    this.console = Objects.requireNonNull(console, "console");
  }

  /**
   * The options of the tool running {@code command}: the {@code ClientOptions} mixin of its root
   * command ({@code immuclient} or {@code immuadmin}).
   *
   * @throws IllegalStateException if the root command has none
   */
  public static ClientOptions of(CommandSpec command) {
    for (CommandSpec mixin : command.root().mixins().values()) {
      if (mixin.userObject() instanceof ClientOptions o) {
        return o;
      }
    }
    throw new IllegalStateException(command.root().name() + " has no ClientOptions mixin");
  }

  void tool(String name) {
    this.tool = name;
  }

  /** Where this tool prints. */
  public Console console() {
    return console;
  }

  private static Path home() {
    return Path.of(System.getProperty("user.home"), ".immudb");
  }

  public TokenFile tokenFile() {
    return new TokenFile(tokenFile != null ? tokenFile : home().resolve(tool + "-token"));
  }

  /** Prints results on the tool's standard output, in the {@code --output} format. */
  public Printer printer() {
    return new Printer(console.out(), format(), encoding());
  }

  Printer.Format format() {
    return switch (output.toLowerCase(java.util.Locale.ROOT)) {
      case "text" -> Printer.Format.TEXT;
      case "json" -> Printer.Format.JSON;
      default -> throw new IllegalArgumentException("--output must be text or json, not " + output);
    };
  }

  Encoding encoding() {
    return switch (encoding.toLowerCase(java.util.Locale.ROOT)) {
      case "text", "utf8", "utf-8" -> Encoding.TEXT;
      case "base64" -> Encoding.BASE64;
      case "hex" -> Encoding.HEX;
      default ->
          throw new IllegalArgumentException(
              "--encoding must be text, base64 or hex, not " + encoding);
    };
  }

  /** The SDK client, resuming the saved session if there is one. Closed by {@link #close}. */
  public ImmuClient client() throws IOException {
    if (client == null) {
      ImmuClientBuilder b =
          ImmuClient.builder()
              .address(address)
              .port(port)
              .maxInboundMessageSize(maxRecvMsgSize)
              .stateFolder(rootsPath != null ? rootsPath : home().resolve("roots"));
      if (database != null) {
        b.database(database);
      }
      if (serverSigningPubKey != null) {
        b.serverSigningKey(serverSigningPubKey);
      }
      ClientTlsFiles.apply(
          b,
          tls,
          mtls,
          serverName,
          unlessEmpty(certificate),
          unlessEmpty(pkey),
          unlessEmpty(clientCas));
      client = b.build();
      var saved = tokenFile().read();
      if (saved.isPresent()) {
        client.resume(saved.get().token(), saved.get().database());
      }
    }
    return client;
  }

  /** An empty path (e.g. {@code IMMUCLIENT_CLIENTCAS=}) means the flag is unset. */
  private static Path unlessEmpty(Path p) {
    return p == null || p.toString().isEmpty() ? null : p;
  }

  /**
   * Logs in as {@code user} (or {@code --username}, or immudb) with {@code --password} or a
   * prompted one, saves the session and prints it; the server's warning goes to standard error.
   */
  void login(String user, Printer out) throws IOException {
    String name = user != null ? user : username != null ? username : "immudb";
    String pw = password != null ? password : Prompt.password("Password: ");
    ImmuClient c = client();
    String warning = c.login(name, pw);
    tokenFile().write(new TokenFile.Session(c.token(), c.currentDatabase()));
    out.record(Printer.fields("logged in", name, "database", c.currentDatabase()));
    if (!warning.isEmpty()) {
      console.err().println("warning: " + warning);
    }
  }

  /** Ends the user's sessions on the server and forgets the saved one, even if that fails. */
  void logout(Printer out) throws IOException {
    try {
      client().logout();
    } finally {
      tokenFile().delete();
    }
    out.line("logged out");
  }

  /** Switches to {@code database} and saves the session bound to it. */
  void use(String database, Printer out) throws IOException {
    ImmuClient c = client();
    c.useDatabase(database);
    tokenFile().write(new TokenFile.Session(c.token(), database));
    out.record(Printer.fields("database", database));
  }

  /** Prints whether the server answers, and its version; 0 if it is healthy, else 1. */
  int status(Printer out) throws IOException {
    ImmuClient.Health h = client().health();
    out.record(Printer.fields("status", h.ok() ? "ok" : "not ok", "version", h.version()));
    return h.ok() ? 0 : 1;
  }

  void close() {
    if (client != null) {
      client.close();
    }
  }
}
