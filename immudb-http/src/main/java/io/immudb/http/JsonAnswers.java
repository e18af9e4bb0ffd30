package io.immudb.http;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/**
 * The JSON the REST API answers with. Responses use the proto3 JSON mapping with the proto's own
 * field names and fields at their default value left out (grpc-gateway's default, which immudb
 * uses): bytes are base64, 64-bit integers strings. Errors are a {@code google.rpc.Status} — {@code
 * {"code": 5, "message": "key not found", "details": [...]}} with every field present and the
 * details (immudb's {@code ErrorInfo}, {@code RetryInfo}) as {@code Any} with their {@code @type}.
 * Thread-safe (immutable).
 */
final class JsonAnswers {
  private final JsonFormat.Printer printer;
  private final JsonFormat.Printer errorPrinter;

  /** With {@code types}' messages known for {@code Any} details. */
  JsonAnswers(List<FileDescriptor> types) {
    JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder();
    for (FileDescriptor f : types) {
      registry.add(f.getMessageTypes());
    }
    JsonFormat.TypeRegistry built = registry.build();
    this.printer =
        JsonFormat.printer()
            .usingTypeRegistry(built)
            .preservingProtoFieldNames()
            .omittingInsignificantWhitespace();
    this.errorPrinter =
        JsonFormat.printer()
            .usingTypeRegistry(built)
            .includingDefaultValueFields()
            .omittingInsignificantWhitespace();
  }

  /** {@code m} as JSON. */
  String message(Message m) throws InvalidProtocolBufferException {
    return printer.print(m);
  }

  /** The error body for {@code code} and {@code message}, without details. */
  String error(Status.Code code, String message) {
    return error(
        com.google.rpc.Status.newBuilder()
            .setCode(code.value())
            .setMessage(message == null ? "" : message)
            .build());
  }

  /** The error body for a failed call, with the details the server attached. */
  String error(StatusRuntimeException e) {
    com.google.rpc.Status s = StatusProto.fromThrowable(e);
    if (s == null) {
      s =
          com.google.rpc.Status.newBuilder()
              .setCode(e.getStatus().getCode().value())
              .setMessage(
                  e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription())
              .build();
    }
    return error(s);
  }

  private String error(com.google.rpc.Status s) {
    try {
      return errorPrinter.print(s);
    } catch (InvalidProtocolBufferException e) {
      // A detail of a type the registry lacks: answer without the details rather than not at all.
      try {
        return errorPrinter.print(s.toBuilder().clearDetails().build());
      } catch (InvalidProtocolBufferException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
