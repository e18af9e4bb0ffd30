package io.immudb.bench.load;

import com.google.protobuf.ByteString;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.Entry;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceStub;
import io.immudb.proto.KeyRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.TxMetadata;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code soak} benchmark (issue 16): a long mixed load against a running server — per call, at
 * random, 45% {@code Set}, 45% {@code Get}, 5% {@code VerifiableSet} and 5% {@code VerifiableGet}
 * (spec v1 §9), one entry each — with {@link ServerLoad}'s closed-loop clients, sampled every
 * {@code sampleSeconds}: calls answered and failed in the window, and the server process's resident
 * memory ({@code VmRSS} of {@code /proc/<pid>/status}) when its pid is given.
 *
 * <p>A client gets only keys it has set before (its own keys, below the number of its successful
 * {@code Set}s), so a failed {@code Get} is a real error, not a missing key.
 *
 * <p>Not thread-safe: {@link #run} is called from one thread; the sampler runs on its own thread
 * and only reads counters.
 */
public final class SoakLoad {
  /**
   * One sample window. The memory figures are -1 without a pid: {@code rssKib} is all resident
   * memory ({@code VmRSS}); {@code rssAnonKib} the part no file backs (Java heap, native memory:
   * what a leak would grow), {@code rssFileKib} the pages of mapped files (the logs the server
   * maps: the kernel reclaims them under memory pressure).
   */
  public record Sample(
      double seconds,
      double callsPerSecond,
      long errors,
      long rssKib,
      long rssAnonKib,
      long rssFileKib) {}

  /** Resident memory of a process, in KiB; -1 where unknown. */
  public record Memory(long rssKib, long anonKib, long fileKib) {
    static final Memory UNKNOWN = new Memory(-1, -1, -1);
  }

  /** The run's samples and its whole-run result. */
  public record Result(ServerResult run, List<Sample> samples) {}

  private SoakLoad() {}

  /**
   * Runs {@code spec} (batch 1, API v1) with the mix above, sampling every {@code sampleSeconds}.
   *
   * @param pid the server's process id, for its memory; empty to leave memory out
   */
  public static Result run(
      ServerLoadSpec spec, OptionalLong pid, int sampleSeconds, PrintStream log) {
    if (spec.batch() != 1 || !spec.api().equals("v1")) {
      throw new IllegalArgumentException("soak: one entry per call, v1 API");
    }
    if (sampleSeconds <= 0) {
      throw new IllegalArgumentException("--sample-seconds must be > 0, got " + sampleSeconds);
    }
    SetRequest[][] requests =
        ServerKeys.generate(spec.clients(), 1, spec.keyLen(), spec.valueLen());
    AtomicIntegerArray written = new AtomicIntegerArray(spec.clients());
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-soak-sampler"));
    long[] last = {0, 0};
    sampler.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          long calls = ok.sum();
          double window = (now - last[0]) / 1e9;
          double rate = last[0] == 0 ? 0 : (calls - last[1]) / window;
          if (last[0] != 0) {
            Memory m = pid.isPresent() ? memory(pid) : Memory.UNKNOWN;
            Sample s =
                new Sample(
                    (now - start) / 1e9, rate, failed.sum(), m.rssKib(), m.anonKib(), m.fileKib());
            synchronized (samples) {
              samples.add(s);
            }
          }
          last[0] = now;
          last[1] = calls;
        },
        0,
        sampleSeconds,
        TimeUnit.SECONDS);
    ServerResult r;
    try {
      r =
          ServerLoad.run(
              spec,
              log,
              new V1Api(),
              (c, ch, md) -> client(c, ch, md, requests[c], written, ok, failed));
    } finally {
      sampler.shutdownNow();
    }
    synchronized (samples) {
      return new Result(r, List.copyOf(samples));
    }
  }

  private static ServerCall client(
      int c,
      io.grpc.Channel ch,
      Metadata md,
      SetRequest[] ring,
      AtomicIntegerArray written,
      LongAdder ok,
      LongAdder failed) {
    ImmuServiceStub stub =
        ImmuServiceGrpc.newStub(ch).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
    SplittableRandom rnd = new SplittableRandom(31L * c + 5);
    return (lastSeen, reply) -> {
      ServerCall.Reply counted = counting(reply, ok, failed);
      ImmuServiceStub s =
          stub.withDeadlineAfter(ServerClient.CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
      int known = Math.min(written.get(c), ring.length);
      int pick = rnd.nextInt(100);
      if (known == 0 || pick < 50) {
        int n = written.get(c);
        SetRequest req = ring[n % ring.length];
        ServerCall.Reply setReply =
            new ServerCall.Reply() {
              @Override
              public void succeeded(long seen) {
                written.incrementAndGet(c);
                counted.succeeded(seen);
              }

              @Override
              public void failed(Throwable t) {
                counted.failed(t);
              }
            };
        if (pick < 45 || known == 0) {
          s.set(req, ServerCall.observer(setReply, TxMetadata::getId));
        } else {
          s.verifiableSet(
              VerifiableSetRequest.newBuilder()
                  .setSetRequest(req)
                  .setProveSinceTx(lastSeen)
                  .build(),
              ServerCall.observer(setReply, a -> a.getTx().getMetadata().getId()));
        }
        return;
      }
      ByteString key = ring[rnd.nextInt(known)].getKVs(0).getKey();
      KeyRequest get = KeyRequest.newBuilder().setKey(key).build();
      if (pick < 95) {
        s.get(get, ServerCall.observer(counted, Entry::getTx));
      } else {
        s.verifiableGet(
            VerifiableGetRequest.newBuilder().setKeyRequest(get).setProveSinceTx(lastSeen).build(),
            ServerCall.observer(counted, v -> Math.max(lastSeen, v.getEntry().getTx())));
      }
    };
  }

  private static ServerCall.Reply counting(ServerCall.Reply reply, LongAdder ok, LongAdder failed) {
    return new ServerCall.Reply() {
      @Override
      public void succeeded(long seen) {
        ok.increment();
        reply.succeeded(seen);
      }

      @Override
      public void failed(Throwable t) {
        failed.increment();
        reply.failed(t);
      }
    };
  }

  /**
   * {@code VmRSS}, {@code RssAnon} and {@code RssFile} (plus {@code RssShmem}, shared mappings) of
   * process {@code pid} in KiB, each -1 if it can't be read.
   */
  static Memory memory(OptionalLong pid) {
    long rss = -1;
    long anon = -1;
    long file = -1;
    long shmem = 0;
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(pid.getAsLong()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("RssAnon:")) {
          anon = kib(line);
        } else if (line.startsWith("RssFile:")) {
          file = kib(line);
        } else if (line.startsWith("RssShmem:")) {
          shmem = kib(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Memory.UNKNOWN;
    }
    return new Memory(rss, anon, file < 0 ? -1 : file + shmem);
  }

  private static long kib(String statusLine) {
    return Long.parseLong(
        statusLine.substring(statusLine.indexOf(':') + 1).trim().split("\\s+")[0]);
  }
}
