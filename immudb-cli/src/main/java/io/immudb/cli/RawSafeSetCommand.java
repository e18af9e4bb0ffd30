package io.immudb.cli;

import io.immudb.core.kv.StoredValues;
import io.immudb.core.tx.TxHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code immuclient rawsafeset KEY VALUE} (or {@code --value-file FILE}): a verified write of the
 * value's bytes as given, printing the tx with the entry in its stored form ({@link RawEntries}):
 * stored key, {@code hvalue} and {@code vlen}, the numbers the tx's proof covers.
 */
@Command(
    name = "rawsafeset",
    description =
        "Set KEY to VALUE's bytes, verify the write, and show the entry as stored (hvalue, vlen)")
final class RawSafeSetCommand implements Callable<Integer> {
  @ParentCommand Immuclient client;

  @Parameters(index = "0", paramLabel = "KEY")
  String key;

  @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE")
  String value;

  @Option(
      names = "--value-file",
      paramLabel = "FILE",
      description = "the value is FILE's bytes, exactly (instead of VALUE)")
  Path valueFile;

  @Override
  public Integer call() throws Exception {
    if ((value == null) == (valueFile == null)) {
      throw new IllegalArgumentException("give either VALUE or --value-file FILE");
    }
    Encoding encoding = client.opts.encoding();
    byte[] k = encoding.decode(key);
    byte[] v = valueFile != null ? Files.readAllBytes(valueFile) : encoding.decode(value);
    TxHeader h = client.opts.client().verifiedSet(k, v);
    Printer out = client.opts.printer();
    Map<String, Object> header = out.header(h, true);
    Map<String, Object> m = Printer.fields("tx", header.get("tx"), "key", key);
    Map<String, Object> raw = RawEntries.fields(RawEntries.plainKey(k), StoredValues.plain(v));
    raw.remove("stored value"); // the caller has it; it may be large
    m.putAll(raw);
    header.forEach(m::putIfAbsent);
    out.record(m);
    return 0;
  }
}
