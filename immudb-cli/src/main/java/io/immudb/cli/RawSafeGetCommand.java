package io.immudb.cli;

import io.immudb.client.ImmuClient;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.StoredValues;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code immuclient rawsafeget KEY}: a verified read that shows the value as stored ({@link
 * RawEntries}): stored key and stored value in hex, {@code hvalue} and {@code vlen}. With {@code
 * --value-only} it writes the value's bytes exactly, with no encoding and no newline, so binary
 * values can be piped or redirected to a file.
 */
@Command(
    name = "rawsafeget",
    description =
        "Get KEY's value, verify it, and show it as stored (hex); --value-only writes its bytes")
final class RawSafeGetCommand implements Callable<Integer> {
  @ParentCommand Immuclient client;

  @Parameters(paramLabel = "KEY")
  String key;

  @Option(names = "--at-tx", description = "the value written by this tx")
  long atTx;

  @Override
  public Integer call() throws Exception {
    ImmuClient c = client.opts.client();
    byte[] k = client.opts.encoding().decode(key);
    Entry e = atTx > 0 ? c.verifiedGetAt(k, atTx) : c.verifiedGet(k);
    if (client.opts.valueOnly) {
      PrintStream out = client.opts.console().out();
      out.write(e.value());
      out.flush();
      return 0;
    }
    Printer out = client.opts.printer();
    Map<String, Object> m = out.entry(e, true);
    m.remove("value");
    Object verified = m.remove("verified");
    m.putAll(RawEntries.fields(RawEntries.plainKey(e.key()), StoredValues.plain(e.value())));
    m.put("verified", verified);
    out.record(m);
    return 0;
  }
}
