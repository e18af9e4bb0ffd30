package io.immudb.cli;

import io.immudb.client.ImmuClient;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.Entry;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.ops.BuildVersionProvider;
import io.immudb.ops.VersionCommand;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code immuclient}: read and write an immudb server from the command line, with the seed README's
 * command names. {@code safe*} commands verify the server's proofs against the state this tool
 * trusted last (kept in {@code --roots-filepath}) and print {@code verified: true}; a failed
 * verification prints what did not match and exits with 3.
 */
@Command(
    name = "immuclient",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersionProvider.class,
    subcommands = {
      CommandLine.HelpCommand.class,
      VersionCommand.class,
      io.immudb.cli.audit.AuditCommand.class,
      RawSafeSetCommand.class,
      RawSafeGetCommand.class,
      GetRawBySafeIndexCommand.class
    },
    description = "CLI client for immudb: read and write data, with verification.",
    footer = {
      "",
      "Environment: every flag also as IMMUCLIENT_<FLAG>, e.g. IMMUCLIENT_IMMUDB_ADDRESS=127.0.0.1,",
      "IMMUCLIENT_IMMUDB_PORT=3322; and as the key <flag> in the config file (--config, else",
      "./configs/immuclient.toml, ~/.immudb/immuclient.toml or ~/immuclient.toml), e.g.",
      "immudb-port = 3322. Flags win over the environment, which wins over the file.",
      "Keys and values are UTF-8 text unless --encoding says otherwise.",
      "Exit status: 0 success, 1 error, 2 bad usage, 3 verification failed."
    })
public final class Immuclient implements Callable<Integer> {
  @Mixin final ClientOptions opts;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private String[] originalArgs = new String[0];
  private Map<String, String> env = Map.of();

  /** The command, printing through {@code console}. */
  public Immuclient(Console console) {
    this.opts = new ClientOptions(console);
  }

  private Printer out() {
    return opts.printer();
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  private ImmuClient client() throws java.io.IOException {
    return opts.client();
  }

  private byte[] bytes(String typed) {
    return opts.encoding().decode(typed);
  }

  private void printEntry(Entry e, boolean verified) {
    if (opts.valueOnly) {
      out().line(opts.encoding().encode(e.value()));
    } else {
      out().record(out().entry(e, verified));
    }
  }

  // ------------------------------------------------------------------ session

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

  @Command(name = "use", description = "Select the database to work on")
  int use(@Parameters(paramLabel = "DATABASE") String database) throws Exception {
    opts.use(database, out());
    return 0;
  }

  // ------------------------------------------------------------------ writes

  @Command(name = "set", description = "Set a key to a value")
  int set(
      @Parameters(paramLabel = "KEY") String key, @Parameters(paramLabel = "VALUE") String value)
      throws Exception {
    TxHeader h = client().set(bytes(key), bytes(value));
    wrote(h, false, key, value);
    return 0;
  }

  @Command(name = "safeset", description = "Set a key to a value, and verify the write")
  int safeset(
      @Parameters(paramLabel = "KEY") String key, @Parameters(paramLabel = "VALUE") String value)
      throws Exception {
    TxHeader h = client().verifiedSet(bytes(key), bytes(value));
    wrote(h, true, key, value);
    return 0;
  }

  /** Prints a write: tx id, the key (and value) as typed, then the tx header. */
  private void wrote(TxHeader h, boolean verified, String key, String value) {
    Map<String, Object> header = out().header(h, verified);
    Map<String, Object> m = Printer.fields("tx", header.get("tx"), "key", key);
    if (value != null) {
      m.put("value", value);
    }
    header.forEach(m::putIfAbsent);
    out().record(m);
  }

  @Command(name = "reference", description = "Make KEY a reference to REFERENCED_KEY")
  int reference(
      @Parameters(paramLabel = "KEY") String key,
      @Parameters(paramLabel = "REFERENCED_KEY") String referenced,
      @Option(names = "--at-tx", description = "bind to the value written by this tx") long atTx)
      throws Exception {
    TxHeader h = client().setReferenceAt(bytes(key), bytes(referenced), atTx);
    wrote(h, false, key, null);
    return 0;
  }

  @Command(name = "safereference", description = "Make KEY a reference, and verify the write")
  int safereference(
      @Parameters(paramLabel = "KEY") String key,
      @Parameters(paramLabel = "REFERENCED_KEY") String referenced,
      @Option(names = "--at-tx", description = "bind to the value written by this tx") long atTx)
      throws Exception {
    TxHeader h = client().verifiedSetReference(bytes(key), bytes(referenced), atTx);
    wrote(h, true, key, null);
    return 0;
  }

  @Command(name = "zadd", description = "Add KEY to sorted SET with SCORE")
  int zadd(
      @Parameters(paramLabel = "SET") String set,
      @Parameters(paramLabel = "SCORE") double score,
      @Parameters(paramLabel = "KEY") String key,
      @Option(names = "--at-tx", description = "bind to the value written by this tx") long atTx)
      throws Exception {
    TxHeader h = client().zAddAt(bytes(set), score, bytes(key), atTx);
    wrote(h, false, key, null);
    return 0;
  }

  @Command(name = "safezadd", description = "Add KEY to sorted SET, and verify the write")
  int safezadd(
      @Parameters(paramLabel = "SET") String set,
      @Parameters(paramLabel = "SCORE") double score,
      @Parameters(paramLabel = "KEY") String key,
      @Option(names = "--at-tx", description = "bind to the value written by this tx") long atTx)
      throws Exception {
    TxHeader h = client().verifiedZAdd(bytes(set), score, bytes(key), atTx);
    wrote(h, true, key, null);
    return 0;
  }

  // ------------------------------------------------------------------ reads

  @Command(name = "get", description = "Get the value of a key")
  int get(
      @Parameters(paramLabel = "KEY") String key,
      @Option(names = "--at-tx", description = "the value written by this tx") long atTx,
      @Option(names = "--since-tx", description = "once the index has reached this tx")
          long sinceTx)
      throws Exception {
    ImmuClient c = client();
    Entry e = sinceTx > 0 ? c.getSince(bytes(key), sinceTx) : c.getAt(bytes(key), atTx);
    printEntry(e, false);
    return 0;
  }

  @Command(name = "safeget", description = "Get the value of a key, and verify it")
  int safeget(
      @Parameters(paramLabel = "KEY") String key,
      @Option(names = "--at-tx", description = "the value written by this tx") long atTx,
      @Option(names = "--since-tx", description = "once the index has reached this tx")
          long sinceTx)
      throws Exception {
    ImmuClient c = client();
    Entry e =
        sinceTx > 0
            ? c.verifiedGetSince(bytes(key), sinceTx)
            : atTx > 0 ? c.verifiedGetAt(bytes(key), atTx) : c.verifiedGet(bytes(key));
    printEntry(e, true);
    return 0;
  }

  @Command(name = "history", description = "Every value a key had, oldest first")
  int history(
      @Parameters(paramLabel = "KEY") String key,
      @Option(names = "--offset") long offset,
      @Option(names = "--limit", description = "at most this many (0: the server's maximum)")
          int limit,
      @Option(names = "--desc", description = "newest first") boolean desc)
      throws Exception {
    List<Entry> es = client().history(bytes(key), offset, limit, desc);
    out().records(es.stream().map(e -> out().entry(e, false)).toList());
    return 0;
  }

  @Command(name = "scan", description = "Keys starting with PREFIX, in key order")
  int scan(
      @Parameters(arity = "0..1", paramLabel = "PREFIX") String prefix,
      @Option(names = "--seek", description = "start after this key") String seek,
      @Option(names = "--limit", description = "at most this many (0: the server's maximum)")
          long limit,
      @Option(names = "--desc", description = "descending order") boolean desc)
      throws Exception {
    List<Entry> es =
        client()
            .scan(
                prefix == null ? new byte[0] : bytes(prefix),
                seek == null ? new byte[0] : bytes(seek),
                limit,
                desc);
    out().records(es.stream().map(e -> out().entry(e, false)).toList());
    return 0;
  }

  @Command(name = "count", description = "Count the keys starting with PREFIX")
  int count(@Parameters(paramLabel = "PREFIX") String prefix) throws Exception {
    out().record(Printer.fields("count", client().count(bytes(prefix))));
    return 0;
  }

  @Command(name = "zscan", description = "The members of a sorted set, by score")
  int zscan(
      @Parameters(paramLabel = "SET") String set,
      @Option(names = "--limit") long limit,
      @Option(names = "--desc") boolean desc)
      throws Exception {
    out().records(client().zScan(bytes(set), limit, desc).stream().map(out()::zEntry).toList());
    return 0;
  }

  @Command(
      name = "tx",
      aliases = {"getByIndex"},
      description = "A transaction: its header and the keys it wrote")
  int tx(@Parameters(paramLabel = "TX") long txId) throws Exception {
    out().record(out().tx(client().txById(txId), false));
    return 0;
  }

  @Command(name = "safetx", description = "A transaction, verified against the trusted state")
  int safetx(@Parameters(paramLabel = "TX") long txId) throws Exception {
    out().record(out().tx(client().verifiedTxById(txId), true));
    return 0;
  }

  @Command(
      name = "txscan",
      aliases = {"iscan"},
      description = "Transactions from TX on, in order")
  int txscan(
      @Parameters(paramLabel = "TX", defaultValue = "1") long from,
      @Option(names = "--limit", defaultValue = "100") int limit,
      @Option(names = "--desc") boolean desc)
      throws Exception {
    List<Tx> txs = client().txScan(from, limit, desc);
    out().records(txs.stream().map(t -> out().tx(t, false)).toList());
    return 0;
  }

  // ------------------------------------------------------------------ SQL

  @Command(
      name = "exec",
      description = "Run SQL statements (CREATE TABLE, INSERT, UPSERT, BEGIN … COMMIT, …)")
  int exec(
      @Parameters(arity = "1..*", paramLabel = "SQL") List<String> sql,
      @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a named parameter @NAME")
          List<String> params)
      throws Exception {
    SqlCommands.printExec(
        out(), client().sqlExec(SqlCommands.statement(sql), SqlCommands.params(params)));
    return 0;
  }

  @Command(name = "query", description = "Run a SELECT; rows as a table (or JSON)")
  int query(
      @Parameters(arity = "1..*", paramLabel = "SQL") List<String> sql,
      @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a named parameter @NAME")
          List<String> params)
      throws Exception {
    SqlCommands.printQuery(
        out(), client().sqlQuery(SqlCommands.statement(sql), SqlCommands.params(params)));
    return 0;
  }

  @Command(name = "tables", description = "The tables of the database")
  int tables() throws Exception {
    SqlCommands.printTables(out(), client().listTables());
    return 0;
  }

  @Command(name = "describe", description = "The columns of a table")
  int describe(@Parameters(paramLabel = "TABLE") String table) throws Exception {
    SqlCommands.printQuery(out(), client().describeTable(table));
    return 0;
  }

  // ------------------------------------------------------------------ state

  @Command(name = "current", description = "The state this tool trusts for the database")
  int current() throws Exception {
    Map<String, Object> m = out().state(client().verifiedState());
    m.put("verified", true);
    out().record(m);
    return 0;
  }

  @Command(
      name = "check-consistency",
      description = "Check that tx TX with hash HASH is part of the history the tool trusts")
  int checkConsistency(
      @Parameters(paramLabel = "TX") long txId, @Parameters(paramLabel = "HASH") String hash)
      throws Exception {
    Sha256Digest expected = Sha256Digest.fromHex(hash);
    Tx tx = client().verifiedTxById(txId);
    if (!tx.header().alh().equals(expected)) {
      throw new VerificationException(
          VerificationException.Reason.ALH_MISMATCH,
          "tx " + txId + " has hash " + tx.header().alh().toHex() + ", not " + hash,
          null,
          expected,
          tx.header().alh());
    }
    out().record(Printer.fields("tx", txId, "hash", hash, "consistent", true));
    return 0;
  }

  @Command(
      name = "inclusion",
      description = "Check that tx TX is included in the history the tool trusts")
  int inclusion(@Parameters(paramLabel = "TX") long txId) throws Exception {
    Tx tx = client().verifiedTxById(txId);
    ImmuState trusted = client().verifiedState();
    Map<String, Object> m = out().header(tx.header(), true);
    m.put("included in tx", Math.max(trusted.txId(), txId));
    out().record(m);
    return 0;
  }

  @Command(
      name = "status",
      aliases = {"health"},
      description = "Whether the server answers, and its version")
  int status() throws Exception {
    return opts.status(out());
  }

  @Command(
      name = "it",
      description = "Interactive shell: the same commands, with history and tab completion")
  int it() throws Exception {
    List<String> globals = new java.util.ArrayList<>(List.of(originalArgs));
    globals.remove("it");
    Console console = opts.console();
    return Shell.run(
        "immuclient",
        () -> new Immuclient(console),
        console,
        globals,
        env,
        java.nio.file.Path.of(System.getProperty("user.home"), ".immudb", "immuclient_history"),
        java.util.Set.of("exec", "query"));
  }

  /**
   * Runs immuclient with {@code args}, defaults from {@code env}, printing through {@code console};
   * returns the exit status.
   */
  public static int run(String[] args, Map<String, String> env, Console console) {
    Immuclient c = new Immuclient(console);
    c.originalArgs = args.clone();
    c.env = Map.copyOf(env);
    return Tools.run(c, "immuclient", args, env);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), Console.system()));
  }
}
