package io.immudb.bench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PostgreSQL server: a new cluster ({@code initdb -A trust}, superuser {@code
 * postgres}) in a directory of its own, listening on 127.0.0.1 only (no Unix socket), with
 * PostgreSQL's durable defaults ({@code fsync}, {@code synchronous_commit = on}) and the tables the
 * comparison writes to ({@link #SCHEMA}).
 *
 * <p>PostgreSQL refuses to run as root: when this process is root, {@code initdb} and {@code
 * pg_ctl} run as {@code runAs} through {@code su}, in a directory owned by that user. Clients
 * ({@code psql}, {@code pgbench}) connect over TCP as {@code postgres} and run as whoever we are.
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from a shutdown hook while the
 * owner runs; it is idempotent.
 */
final class PostgresServer implements AutoCloseable {
  /** The superuser initdb creates, whatever OS user runs the server. */
  static final String SUPERUSER = "postgres";

  /**
   * {@code audit}: one row per write. {@code audit2}: the same plus {@code h}, a SHA-256 chain over
   * all rows ({@code h = sha256(prev_h ‖ k ‖ sha256(v))}), kept by a trigger that serializes
   * inserts on the one-row {@code chain_head} — the closest PostgreSQL gets to a tamper-evident log
   * without an extension of its own.
   */
  static final String SCHEMA =
      """
      create extension pgcrypto;
      create table audit(id bigserial primary key, k bytea not null, v bytea not null);
      create table chain_head(id int primary key, h bytea not null);
      insert into chain_head values (1, '\\x00');
      create table audit2(id bigserial primary key, k bytea not null, v bytea not null,
                          h bytea not null);
      create function chain() returns trigger language plpgsql as $$
      declare prev bytea;
      begin
        select h into prev from chain_head where id = 1 for update;
        new.h := digest(prev || new.k || digest(new.v, 'sha256'), 'sha256');
        update chain_head set h = new.h where id = 1;
        return new;
      end $$;
      create trigger audit2_chain before insert on audit2 for each row execute function chain();
      """;

  private final PostgresInstall install;
  private final Path dir;
  private final String runAs;
  private final int port;
  private final PrintStream log;
  private boolean running;

  private PostgresServer(
      PostgresInstall install, Path dir, String runAs, int port, PrintStream log) {
    this.install = install;
    this.dir = dir;
    this.runAs = runAs;
    this.port = port;
    this.log = log;
  }

  /**
   * Creates a cluster in {@code dir} (a new directory), starts it on {@code port} and creates the
   * tables.
   *
   * @param runAs the OS user to run the server as, or null to run it as this process's user
   * @param maxConnections PostgreSQL's {@code max_connections}
   * @throws MissingPrerequisiteException if {@code runAs} doesn't exist, or pgcrypto is missing
   * @throws IllegalStateException if a step fails; the message holds its output
   */
  static PostgresServer start(
      PostgresInstall install,
      Path dir,
      String runAs,
      int port,
      int maxConnections,
      PrintStream log)
      throws IOException {
    Files.createDirectories(dir);
    if (runAs != null) {
      chown(dir, runAs);
    }
    PostgresServer pg = new PostgresServer(install, dir, runAs, port, log);
    ExternalCommand.check(
        ExternalCommand.as(
            runAs,
            List.of(
                install.tool("initdb").toString(),
                "-D",
                pg.data().toString(),
                "-A",
                "trust",
                "-U",
                SUPERUSER,
                "-E",
                "UTF8",
                "--no-sync")),
        dir,
        300);
    Files.writeString(
        pg.data().resolve("postgresql.conf"),
        """

        # immudb-bench vs-postgres
        port = %d
        listen_addresses = '127.0.0.1'
        unix_socket_directories = ''
        max_connections = %d
        shared_buffers = 1GB
        fsync = on
        synchronous_commit = on
        """
            .formatted(port, maxConnections),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    pg.pgCtl("start", "-l", dir.resolve("server.log").toString());
    pg.running = true;
    try {
      pg.createSchema();
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
    return pg;
  }

  private Path data() {
    return dir.resolve("data");
  }

  int port() {
    return port;
  }

  /** The connection options of {@code psql} and {@code pgbench}: TCP to 127.0.0.1 as postgres. */
  List<String> connection() {
    return List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", SUPERUSER);
  }

  private void createSchema() throws IOException {
    Path sql = dir.resolve("schema.sql");
    Files.writeString(sql, SCHEMA, StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>();
    cmd.add(install.tool("psql").toString());
    cmd.addAll(connection());
    cmd.addAll(
        List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-f", sql.toString()));
    ExternalCommand.Result r = ExternalCommand.run(cmd, dir, 120);
    if (r.exitCode() != 0) {
      if (r.output().contains("pgcrypto")) {
        throw new MissingPrerequisiteException(
            "PostgreSQL's pgcrypto extension is missing (the hash-chained table needs it): "
                + r.output().strip()
                + "; on Debian or Ubuntu: `"
                + PostgresInstall.APT_GET
                + "`");
      }
      throw new IllegalStateException("creating the tables failed:\n" + r.output());
    }
  }

  private void pgCtl(String action, String... more) {
    List<String> cmd = new ArrayList<>();
    cmd.addAll(List.of(install.tool("pg_ctl").toString(), "-D", data().toString()));
    cmd.addAll(List.of(more));
    cmd.addAll(List.of("-w", "-t", "120", action));
    ExternalCommand.Result r = ExternalCommand.run(ExternalCommand.as(runAs, cmd), dir, 180);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(
          "pg_ctl " + action + " failed:\n" + r.output() + "\nserver log:\n" + serverLogTail());
    }
  }

  private String serverLogTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("server.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no server log: " + e.getMessage() + ")";
    }
  }

  /** Stops the server ({@code pg_ctl stop -m fast}); the directory is left for the caller. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      pgCtl("stop", "-m", "fast");
    } catch (RuntimeException e) {
      log.println("vs-postgres: stopping PostgreSQL failed: " + e.getMessage());
    }
  }

  /** Gives {@code path} to {@code user}, and to the group of that name if there is one. */
  private static void chown(Path path, String user) throws IOException {
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal owner;
    try {
      owner = users.lookupPrincipalByName(user);
    } catch (UserPrincipalNotFoundException e) {
      throw new MissingPrerequisiteException(
          "PostgreSQL refuses to run as root, and there is no user "
              + user
              + " to run it as: install PostgreSQL's packages (they create the user: `"
              + PostgresInstall.APT_GET
              + "`), pass --pg-user USER, or run as a normal user");
    }
    Files.setOwner(path, owner);
    try {
      GroupPrincipal group = users.lookupPrincipalByGroupName(user);
      Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
    } catch (UserPrincipalNotFoundException e) {
      // no group of that name: the directory keeps ours, which the owner doesn't need
    }
  }
}
