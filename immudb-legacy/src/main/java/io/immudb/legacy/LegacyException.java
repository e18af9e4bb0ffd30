package io.immudb.legacy;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;

/**
 * A refusal of the v0.8 API whose text is v0.8's (spec v0.8 §4), sent as is. v0.8 answers many
 * refusals as plain errors, which gRPC turns into {@code UNKNOWN}: {@link #unknown} makes those.
 */
public final class LegacyException extends ImmuException {
  private static final long serialVersionUID = 1L;
  private final boolean unknown;

  private LegacyException(ErrorCode code, String v08Text, boolean unknown) {
    super(code, v08Text);
    this.unknown = unknown;
  }

  /** A refusal with gRPC code {@code code}. */
  public static LegacyException of(ErrorCode code, String v08Text) {
    return new LegacyException(code, v08Text, false);
  }

  /** A refusal v0.8 sends as a plain error: gRPC {@code UNKNOWN}. */
  public static LegacyException unknown(String v08Text) {
    return new LegacyException(ErrorCode.INTERNAL, v08Text, true);
  }

  /** Whether the gRPC code is {@code UNKNOWN} rather than the one of {@link #code()}. */
  public boolean isUnknown() {
    return unknown;
  }
}
