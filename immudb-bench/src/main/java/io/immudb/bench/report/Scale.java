package io.immudb.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a chart: maps data values in {@code [min, max]} onto pixels in {@code [from, to]},
 * linearly or by the logarithm of the value, and picks the values to put ticks at.
 *
 * <p>A linear scale starts at 0 and ends at a round number at least 5% above the largest value; its
 * ticks are multiples of 1, 2 or 5 times a power of ten. A log scale with given ticks spans the
 * data exactly (the caller leaves a margin in pixels); without, it widens to the nearest 1, 2 or 5
 * times a power of ten on either side and ticks at each of those in range.
 *
 * <p>Thread-safe (immutable).
 */
final class Scale {
  private final double min;
  private final double max;
  private final boolean log;
  private final double from;
  private final double to;
  private final List<Double> ticks;

  private Scale(double min, double max, boolean log, double from, double to, List<Double> ticks) {
    this.min = min;
    this.max = max;
    this.log = log;
    this.from = from;
    this.to = to;
    this.ticks = List.copyOf(ticks);
  }

  /**
   * A linear scale from 0 over {@code values}, onto pixels {@code from} (for 0) to {@code to}.
   *
   * @throws IllegalArgumentException if a value is negative or not finite, or there is none
   */
  static Scale linearFromZero(List<Double> values, double from, double to) {
    double top = 0;
    for (double v : checked(values)) {
      if (v < 0) {
        throw new IllegalArgumentException("a linear axis from 0 needs values >= 0, got " + v);
      }
      top = Math.max(top, v);
    }
    if (top == 0) {
      top = 1;
    }
    double step = niceStep(top * 1.05 / 5);
    double max = Math.ceil(top * 1.05 / step) * step;
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; i * step <= max * (1 + 1e-9); i++) {
      ticks.add(i * step);
    }
    return new Scale(0, max, false, from, to, ticks);
  }

  /**
   * A log scale over {@code values}, onto pixels {@code from} (for the low end) to {@code to} (for
   * the high end). With one distinct value, the range is that value halved and doubled.
   *
   * @param ticks where to put ticks; empty for 1, 2 and 5 times the powers of ten in range
   * @throws IllegalArgumentException if a value is not positive or not finite, or there is none
   */
  static Scale log(List<Double> values, List<Double> ticks, double from, double to) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double v : checked(values)) {
      if (v <= 0) {
        throw new IllegalArgumentException("a log axis needs values > 0, got " + v);
      }
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (lo == hi) {
      lo /= 2;
      hi *= 2;
    }
    List<Double> t = new ArrayList<>();
    if (ticks.isEmpty()) {
      lo = roundDown(lo);
      hi = roundUp(hi);
      for (double decade = Math.pow(10, Math.floor(Math.log10(lo))); decade <= hi; decade *= 10) {
        for (double m : new double[] {1, 2, 5}) {
          double v = m * decade;
          if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
            t.add(v);
          }
        }
      }
    } else {
      t.addAll(ticks);
    }
    return new Scale(lo, hi, true, from, to, t);
  }

  /** The pixel of data value {@code v}. */
  double toPixel(double v) {
    double f = log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min);
    return from + f * (to - from);
  }

  /** The values to put ticks at, in increasing order. */
  List<Double> ticks() {
    return ticks;
  }

  double max() {
    return max;
  }

  private static List<Double> checked(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to scale");
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("not a finite value: " + v);
      }
    }
    return values;
  }

  /** The largest of 1, 2, 5 times a power of ten that is <= {@code v}. */
  private static double roundDown(double v) {
    double decade = Math.pow(10, Math.floor(Math.log10(v)));
    double r = decade;
    for (double m : new double[] {2, 5}) {
      if (m * decade <= v * (1 + 1e-9)) {
        r = m * decade;
      }
    }
    return r;
  }

  /** The smallest of 1, 2, 5 times a power of ten that is >= {@code v}. */
  private static double roundUp(double v) {
    return niceStep(v);
  }

  /** The smallest of 1, 2, 5 times a power of ten that is >= {@code raw}. */
  private static double niceStep(double raw) {
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * decade >= raw * (1 - 1e-9)) {
        return m * decade;
      }
    }
    return 10 * decade;
  }
}
