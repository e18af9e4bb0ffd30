package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.immudb.client.internal.StatusDecoder;
import org.junit.jupiter.api.Test;

class StatusDecoderTest {
  private static ImmuClientException decode(Status.Code code) {
    return StatusDecoder.decode(
        Status.fromCode(code).withDescription("some text").asRuntimeException());
  }

  @Test
  void codesBecomeTypedExceptionsWithTheServersText() {
    assertThat(decode(Status.Code.NOT_FOUND))
        .isInstanceOf(ImmuClientException.NotFoundException.class);
    assertThat(decode(Status.Code.ALREADY_EXISTS))
        .isInstanceOf(ImmuClientException.AlreadyExistsException.class);
    assertThat(decode(Status.Code.INVALID_ARGUMENT))
        .isInstanceOf(ImmuClientException.InvalidArgumentException.class);
    assertThat(decode(Status.Code.OUT_OF_RANGE))
        .isInstanceOf(ImmuClientException.InvalidArgumentException.class);
    assertThat(decode(Status.Code.PERMISSION_DENIED))
        .isInstanceOf(ImmuClientException.PermissionDeniedException.class);
    assertThat(decode(Status.Code.UNAUTHENTICATED))
        .isInstanceOf(ImmuClientException.UnauthenticatedException.class);
    assertThat(decode(Status.Code.FAILED_PRECONDITION))
        .isInstanceOf(ImmuClientException.FailedPreconditionException.class);
    assertThat(decode(Status.Code.DEADLINE_EXCEEDED))
        .isInstanceOf(ImmuClientException.UnavailableException.class);
    assertThat(decode(Status.Code.UNIMPLEMENTED))
        .isInstanceOf(ImmuClientException.UnsupportedException.class);
    ImmuClientException other = decode(Status.Code.UNKNOWN);
    assertThat(other.getClass()).isEqualTo(ImmuClientException.class);
    assertThat(other.code()).isEqualTo(Status.Code.UNKNOWN);
    assertThat(other).hasMessage("some text");
  }

  @Test
  void localFailuresNameTheirInnermostCause() {
    var handshake =
        new javax.net.ssl.SSLHandshakeException("PKIX path building failed")
            .initCause(new java.security.cert.CertPathValidatorException("untrusted CA"));
    ImmuClientException e =
        StatusDecoder.decode(
            Status.UNAVAILABLE
                .withDescription("io exception\nChannel Pipeline: [SslHandler#0]")
                .withCause(handshake)
                .asRuntimeException());
    assertThat(e).isInstanceOf(ImmuClientException.UnavailableException.class);
    assertThat(e).hasMessage("io exception: untrusted CA");
    assertThat(
            StatusDecoder.decode(
                Status.UNAVAILABLE
                    .withDescription("Network closed for unknown reason")
                    .asRuntimeException()))
        .hasMessageContaining("a TLS server does so to plaintext clients");
  }
}
