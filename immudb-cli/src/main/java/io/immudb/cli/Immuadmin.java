package io.immudb.cli;

import static io.immudb.cli.Printer.fields;

import io.immudb.client.ImmuClient;
import io.immudb.client.Permission;
import io.immudb.client.User;
import io.immudb.core.state.ImmuState;
import io.immudb.embedded.database.DatabaseVerdict;
import io.immudb.embedded.database.OfflineVerifier;
import io.immudb.ops.BuildVersionProvider;
import io.immudb.ops.VersionCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code immuadmin}: administer an immudb server — users, databases, state — and verify a stopped
 * server's data directory. Same global flags as immuclient, from {@code IMMUADMIN_*} variables.
 */
@Command(
    name = "immuadmin",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersionProvider.class,
    subcommands = {
      CommandLine.HelpCommand.class,
      StatsCommand.class,
      VersionCommand.class,
      Immuadmin.UserCommands.class,
      Immuadmin.DatabaseCommands.class,
      BackupCommands.Backup.class,
      BackupCommands.Dump.class,
      BackupCommands.Restore.class
    },
    description = "CLI admin client for immudb: users, databases, state, offline verification.",
    footer = {
      "",
      "Environment: every flag also as IMMUADMIN_<FLAG>, e.g. IMMUADMIN_IMMUDB_ADDRESS=127.0.0.1;",
      "and as the key <flag> in the config file (--config, else ./configs/immuadmin.toml,",
      "~/.immudb/immuadmin.toml or ~/immuadmin.toml), e.g. immudb-port = 3322.",
      "Flags win over the environment, which wins over the file.",
      "Exit status: 0 success, 1 error, 2 bad usage, 3 verification failed."
    })
public final class Immuadmin implements Callable<Integer> {
  @Mixin final ClientOptions opts;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The command, printing through {@code console}. */
  public Immuadmin(Console console) {
    this.opts = new ClientOptions(console);
  }

  Printer out() {
    return opts.printer();
  }

  ImmuClient client() throws java.io.IOException {
    return opts.client();
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "login", description = "Log in (the token is kept in --tokenfile)")
  int login(@Parameters(arity = "0..1", paramLabel = "USER") String user) throws Exception {
    opts.login(user, out());
    return 0;
  }

  @Command(name = "logout", description = "Log out and forget the token")
  int logout() throws Exception {
    opts.logout(out());
    return 0;
  }

  @Command(name = "status", description = "Whether the server answers, and its version")
  int status() throws Exception {
    return opts.status(out());
  }

  @Command(name = "print", description = "The current state of each database: tx id and hash (Alh)")
  int print() throws Exception {
    ImmuClient c = client();
    String current = c.currentDatabase();
    List<Map<String, Object>> states = new ArrayList<>();
    try {
      for (String db : c.databases()) {
        c.useDatabase(db);
        ImmuState s = c.currentState();
        Map<String, Object> m = out().state(s);
        m.put("tree size", s.txId());
        states.add(m);
      }
    } finally {
      c.useDatabase(current);
    }
    out().records(states);
    return 0;
  }

  @Command(
      name = "verify",
      description =
          "Verify a stopped server's data directory offline: every value against its hash, every"
              + " tx against the Alh chain and the tree")
  int verify(@Parameters(paramLabel = "DATA_DIR", defaultValue = "./data") Path dataDir)
      throws Exception {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("no data directory " + dataDir);
    }
    List<DatabaseVerdict> verdicts = OfflineVerifier.verifyDataDir(dataDir);
    if (verdicts.isEmpty()) {
      throw new IllegalArgumentException(dataDir + " holds no databases");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    int failed = 0;
    for (DatabaseVerdict v : verdicts) {
      if (!v.ok()) {
        failed++;
      }
      out.add(fields("database", v.database(), "ok", v.ok(), "summary", v.summary()));
      Optional<String> tree = verifyLegacyTree(dataDir.resolve(v.database()));
      if (tree.isPresent()) {
        boolean ok = tree.get().startsWith("ok");
        failed += ok ? 0 : 1;
        out.add(fields("database", v.database() + " (v0.8 tree)", "ok", ok, "summary", tree.get()));
      }
    }
    out().records(out);
    return failed == 0 ? 0 : Tools.VERIFICATION_FAILED;
  }

  /**
   * The verdict on the v0.8 tree of the database in {@code dir} (docs/legacy.md), if it has one and
   * opens; a database that fails to open was already reported.
   */
  private static Optional<String> verifyLegacyTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir.resolve("legacy"))) {
      return Optional.empty();
    }
    try (io.immudb.embedded.database.Database db =
        io.immudb.embedded.database.Database.open(
            dir, io.immudb.embedded.store.StoreOptions.defaults())) {
      return io.immudb.legacy.tree.LegacyTreeVerifier.verify(db);
    } catch (io.immudb.embedded.CorruptedDataException e) {
      return Optional.empty();
    }
  }

  static Permission parsePermission(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "read", "r" -> Permission.READ;
      case "readwrite", "read-write", "rw" -> Permission.READ_WRITE;
      case "admin" -> Permission.ADMIN;
      default ->
          throw new IllegalArgumentException(
              "permission must be read, readwrite or admin, not " + name);
    };
  }

  /** {@code immuadmin user ...}. */
  @Command(name = "user", description = "Manage users")
  static final class UserCommands {
    @CommandLine.ParentCommand Immuadmin admin;

    @Command(name = "list", description = "The users, with their permissions")
    int list() throws Exception {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (User u : admin.client().listUsers()) {
        rows.add(
            fields(
                "user",
                u.name(),
                "active",
                u.active(),
                "permissions",
                new java.util.TreeMap<>(u.permissions())
                    .entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")),
                "created by",
                u.createdBy(),
                "created at",
                u.createdAt()));
      }
      admin.out().records(rows);
      return 0;
    }

    @Command(name = "create", description = "Create USER with PERMISSION on DATABASE")
    int create(
        @Parameters(paramLabel = "USER") String user,
        @Parameters(paramLabel = "PERMISSION", description = "read, readwrite or admin")
            String permission,
        @Parameters(paramLabel = "DATABASE", arity = "0..1", defaultValue = "defaultdb")
            String database)
        throws Exception {
      String password =
          admin.opts.password != null
              ? admin.opts.password
              : Prompt.password("Password for " + user + ": ");
      admin.client().createUser(user, password, parsePermission(permission), database);
      admin.out().record(fields("created", user, "database", database));
      return 0;
    }

    @Command(name = "changepassword", description = "Change USER's password")
    int changePassword(
        @Parameters(paramLabel = "USER") String user,
        @CommandLine.Option(names = "--old-password", description = "needed for immudb")
            String oldPassword,
        @CommandLine.Option(names = "--new-password") String newPassword)
        throws Exception {
      String next = newPassword != null ? newPassword : Prompt.password("New password: ");
      admin.client().changePassword(user, oldPassword == null ? "" : oldPassword, next);
      admin.out().record(fields("password changed", user));
      return 0;
    }

    @Command(name = "activate", description = "Let USER log in again")
    int activate(@Parameters(paramLabel = "USER") String user) throws Exception {
      admin.client().setActiveUser(user, true);
      admin.out().record(fields("activated", user));
      return 0;
    }

    @Command(name = "deactivate", description = "Stop USER from logging in; ends its sessions")
    int deactivate(@Parameters(paramLabel = "USER") String user) throws Exception {
      admin.client().setActiveUser(user, false);
      admin.out().record(fields("deactivated", user));
      return 0;
    }

    @Command(name = "permission", description = "grant|revoke PERMISSION on DATABASE to USER")
    int permission(
        @Parameters(paramLabel = "ACTION", description = "grant or revoke") String action,
        @Parameters(paramLabel = "USER") String user,
        @Parameters(paramLabel = "PERMISSION") String permission,
        @Parameters(paramLabel = "DATABASE") String database)
        throws Exception {
      ImmuClient c = admin.client();
      Permission p = parsePermission(permission);
      switch (action.toLowerCase(Locale.ROOT)) {
        case "grant" -> c.grant(user, database, p);
        case "revoke" -> c.revoke(user, database, p);
        default -> throw new IllegalArgumentException("action must be grant or revoke");
      }
      admin
          .out()
          .record(
              fields(
                  action.toLowerCase(Locale.ROOT), permission, "user", user, "database", database));
      return 0;
    }
  }

  /** {@code immuadmin database ...}. */
  @Command(name = "database", description = "Manage databases")
  static final class DatabaseCommands {
    @CommandLine.ParentCommand Immuadmin admin;

    @Command(name = "list", description = "The databases")
    int list() throws Exception {
      ImmuClient c = admin.client();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String db : c.databases()) {
        rows.add(fields("database", db, "current", db.equals(c.currentDatabase())));
      }
      admin.out().records(rows);
      return 0;
    }

    @Command(name = "create", description = "Create a database")
    int create(@Parameters(paramLabel = "DATABASE") String database) throws Exception {
      admin.client().createDatabase(database);
      admin.out().record(fields("created", database));
      return 0;
    }

    @Command(name = "use", description = "Select the database to administer")
    int use(@Parameters(paramLabel = "DATABASE") String database) throws Exception {
      admin.opts.use(database, admin.out());
      return 0;
    }

    @Command(
        name = "flush",
        description = "Write the current database's index to disk once it has caught up")
    int flush() throws Exception {
      admin.client().flushIndex();
      admin.out().record(fields("flushed", admin.client().currentDatabase()));
      return 0;
    }

    @Command(name = "compact", description = "Compact the current database's index")
    int compact() throws Exception {
      admin.client().compactIndex();
      admin.out().record(fields("compacted", admin.client().currentDatabase()));
      return 0;
    }
  }

  /**
   * Runs immuadmin with {@code args}, defaults from {@code env}, printing through {@code console};
   * returns the exit status.
   */
  public static int run(String[] args, Map<String, String> env, Console console) {
    return Tools.run(new Immuadmin(console), "immuadmin", args, env);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), Console.system()));
  }
}
