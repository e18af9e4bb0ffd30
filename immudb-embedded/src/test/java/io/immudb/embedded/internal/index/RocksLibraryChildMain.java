package io.immudb.embedded.internal.index;

import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link RocksLibraryIT}: opens a key index in {@code args[0]}, applies a tx,
 * prints {@code ready} and waits to be killed.
 */
public final class RocksLibraryChildMain {
  private RocksLibraryChildMain() {}

  public static void main(String[] args) throws Exception {
    KeyIndex index = KeyIndex.open(Path.of(args[0]));
    index.apply(
        List.of(
            new TxIndexBatch(
                index.indexedTx() + 1,
                List.of(KeyIndexTest.k("a")),
                List.of(KeyIndexTest.ref(index.indexedTx() + 1, 0)))));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
