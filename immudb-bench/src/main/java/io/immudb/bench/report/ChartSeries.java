package io.immudb.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * One named line of a {@link SvgLineChart}: its points, drawn joined in order of x, with a marker
 * at each point.
 *
 * <p>Thread-safe (immutable).
 *
 * @param color an SVG colour, e.g. {@code #336791}
 * @param dashed draw the line dashed (e.g. for a p99 beside a solid p50)
 * @param hollow draw the markers as open squares instead of filled circles
 * @param points at least one
 */
public record ChartSeries(
    String name, String color, boolean dashed, boolean hollow, List<Point> points) {

  /** One data point. */
  public record Point(double x, double y) {}

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException if there are no points or a coordinate is not finite
   */
  public ChartSeries {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(color, "color");
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("series " + name + " has no points");
    }
    for (Point p : points) {
      if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
        throw new IllegalArgumentException("series " + name + " has a non-finite point " + p);
      }
    }
  }
}
