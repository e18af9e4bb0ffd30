package io.immudb.http;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Base64;

/**
 * Fields named by dotted paths ({@code key}, {@code state.txId}) and set from the text of a path
 * variable or a query parameter, as grpc-gateway converts them: numbers in decimal, booleans as
 * {@code true}/{@code false}, enums by name or number, bytes in base64 (standard or URL-safe,
 * padding optional). Stateless.
 */
final class FieldPaths {
  private FieldPaths() {}

  /**
   * The field {@code path} names in {@code type}.
   *
   * @throws IllegalArgumentException if a part names no field, or a non-last part is not a singular
   *     message field
   */
  static FieldDescriptor resolve(Descriptor type, String path) {
    String[] parts = path.split("\\.", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("'" + path + "' is not a field name or dotted path");
      }
    }
    Descriptor d = type;
    FieldDescriptor f = null;
    for (int i = 0; i < parts.length; i++) {
      if (d == null) {
        throw new IllegalArgumentException("'" + path + "' goes through a non-message field");
      }
      f = d.findFieldByName(parts[i]);
      if (f == null) {
        throw new IllegalArgumentException(
            "no field '" + parts[i] + "' in " + d.getFullName() + " (from '" + path + "')");
      }
      if (i < parts.length - 1 && f.isRepeated()) {
        throw new IllegalArgumentException("'" + path + "' goes through a repeated field");
      }
      d = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? f.getMessageType() : null;
    }
    return f;
  }

  /**
   * Sets (or, for a repeated field, appends) the field at {@code path} of {@code b} to {@code
   * text}.
   *
   * @throws IllegalArgumentException naming the field if the path or the text is wrong
   */
  static void set(Message.Builder b, String path, String text) {
    FieldDescriptor f = resolve(b.getDescriptorForType(), path);
    Message.Builder target = b;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      target = target.getFieldBuilder(target.getDescriptorForType().findFieldByName(parts[i]));
    }
    if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      throw new IllegalArgumentException("'" + path + "' is a message; give one of its fields");
    }
    Object value = parse(f, path, text);
    if (f.isRepeated()) {
      target.addRepeatedField(f, value);
    } else {
      target.setField(f, value);
    }
  }

  private static Object parse(FieldDescriptor f, String path, String text) {
    try {
      return switch (f.getType()) {
        case STRING -> text;
        case BYTES -> ByteString.copyFrom(decodeBase64(text));
        case BOOL -> {
          if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
          }
          yield Boolean.parseBoolean(text);
        }
        case INT32, SINT32, SFIXED32 -> Integer.parseInt(text);
        case UINT32, FIXED32 -> Integer.parseUnsignedInt(text);
        case INT64, SINT64, SFIXED64 -> Long.parseLong(text);
        case UINT64, FIXED64 -> Long.parseUnsignedLong(text);
        case FLOAT -> Float.parseFloat(text);
        case DOUBLE -> Double.parseDouble(text);
        case ENUM -> enumValue(f, text);
        default -> throw new IllegalArgumentException("unsupported type " + f.getType());
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid value '" + text + "' for field '" + path + "' (" + typeName(f) + ")", e);
    }
  }

  private static EnumValueDescriptor enumValue(FieldDescriptor f, String text) {
    EnumValueDescriptor v = f.getEnumType().findValueByName(text);
    if (v == null) {
      v = f.getEnumType().findValueByNumber(Integer.parseInt(text));
    }
    if (v == null) {
      throw new IllegalArgumentException("unknown enum value");
    }
    return v;
  }

  /** Decodes standard or URL-safe base64, with or without padding. */
  static byte[] decodeBase64(String text) {
    String s = text.replace('-', '+').replace('_', '/');
    return Base64.getDecoder().decode(s.length() % 4 == 0 ? s : s + "=".repeat(4 - s.length() % 4));
  }

  private static String typeName(FieldDescriptor f) {
    return switch (f.getType()) {
      case BYTES -> "bytes, base64";
      case ENUM -> "enum " + f.getEnumType().getName();
      default -> f.getType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
