package io.immudb.bench.load;

/**
 * The outcome of a {@link ReadLoad} run: one {@link ReadStats} for {@code get}, one for {@code
 * verifiableGet}.
 *
 * <p>Thread-safe (immutable).
 *
 * @param keys the number of distinct keys reads were drawn from
 */
public record ReadResult(ReadLoadSpec spec, long keys, ReadStats get, ReadStats vget) {

  /** The one-line JSON object that {@code immudb-bench read} prints last (docs/benchmarks.md). */
  public String toJson() {
    return new JsonLine()
        .put("mode", "read")
        .put("threads", spec.threads())
        .put("keys", keys)
        .put("get_per_s", get.opsPerSecond(), 1)
        .put("get_p50_us", get.percentileMicros(50), 2)
        .put("get_p99_us", get.percentileMicros(99), 2)
        .put("vget_per_s", vget.opsPerSecond(), 1)
        .put("vget_p50_us", vget.percentileMicros(50), 2)
        .put("vget_p99_us", vget.percentileMicros(99), 2)
        .put("get_ops", get.ops())
        .put("get_max_us", get.maxMicros(), 2)
        .put("vget_ops", vget.ops())
        .put("vget_max_us", vget.maxMicros(), 2)
        .put("get_cpu_us", get.cpuMicrosPerOp(), 2)
        .put("vget_cpu_us", vget.cpuMicrosPerOp(), 2)
        .toString();
  }
}
