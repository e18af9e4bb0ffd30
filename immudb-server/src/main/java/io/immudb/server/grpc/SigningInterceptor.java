package io.immudb.server.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.TxHeader;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableTx;
import io.immudb.server.signing.StateSigner;
import java.util.function.Function;

/**
 * Attaches the server's state signature (spec v1 §8.3) to every {@code ImmutableState} and {@code
 * VerifiableTx} (also inside {@code VerifiableEntry} and {@code VerifiableSQLEntry}) a call answers
 * with. For a verified answer the signed state is {@code {db, targetTxMetadata.id,
 * Alh(targetTxMetadata)}}: the target of the dual proof. Thread-safe (immutable).
 */
final class SigningInterceptor implements ServerInterceptor {
  private final StateSigner signer;
  private final Function<String, String> databaseOfAuthorization;

  /**
   * @param databaseOfAuthorization the database a call works on, from its authorization header
   */
  SigningInterceptor(StateSigner signer, Function<String, String> databaseOfAuthorization) {
    this.signer = signer;
    this.databaseOfAuthorization = databaseOfAuthorization;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String auth = headers.get(CallAuth.AUTHORIZATION);
    ServerCall<Q, R> signing =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(R message) {
            super.sendMessage(sign(message, auth == null ? "" : auth));
          }
        };
    return next.startCall(signing, headers);
  }

  @SuppressWarnings("unchecked")
  private <R> R sign(R message, String auth) {
    if (message instanceof ImmutableState s) {
      ImmuState state =
          new ImmuState(s.getDb(), s.getTxId(), Sha256Digest.of(s.getTxHash().toByteArray()));
      return (R) s.toBuilder().setSignature(signer.sign(state)).build();
    }
    if (message instanceof VerifiableTx v) {
      return (R) signTx(v, auth);
    }
    if (message instanceof VerifiableEntry e) {
      return (R) e.toBuilder().setVerifiableTx(signTx(e.getVerifiableTx(), auth)).build();
    }
    if (message instanceof VerifiableSQLEntry e) {
      return (R) e.toBuilder().setVerifiableTx(signTx(e.getVerifiableTx(), auth)).build();
    }
    return message;
  }

  private VerifiableTx signTx(VerifiableTx v, String auth) {
    TxHeader h = WireCodec.txHeader(v.getDualProof().getTargetTxMetadata());
    ImmuState state = new ImmuState(databaseOfAuthorization.apply(auth), h.id(), h.alh());
    return v.toBuilder().setSignature(signer.sign(state)).build();
  }
}
