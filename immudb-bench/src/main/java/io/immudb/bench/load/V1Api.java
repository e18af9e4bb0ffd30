package io.immudb.bench.load;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.Database;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceStub;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.SetRequest;
import io.immudb.proto.TxMetadata;
import io.immudb.proto.VerifiableSetRequest;
import java.util.concurrent.TimeUnit;

/**
 * The v1.1 API (spec v1 §9): {@code Login} then {@code UseDatabase}; {@code Set}, or {@code
 * VerifiableSet} with {@code proveSinceTx} = the latest tx id the client has seen. Proofs are not
 * checked. Thread-safe (stateless).
 */
final class V1Api implements ServerApi {
  @Override
  public String login(Channel channel, String user, String password, String database) {
    ImmuServiceGrpc.ImmuServiceBlockingStub stub = ImmuServiceGrpc.newBlockingStub(channel);
    String token =
        stub.withDeadlineAfter(ServerClient.CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
            .login(
                LoginRequest.newBuilder()
                    .setUser(ByteString.copyFromUtf8(user))
                    .setPassword(ByteString.copyFromUtf8(password))
                    .build())
            .getToken();
    return stub.withInterceptors(
            MetadataUtils.newAttachHeadersInterceptor(ServerLoad.bearer(token)))
        .withDeadlineAfter(ServerClient.CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .useDatabase(Database.newBuilder().setDatabaseName(database).build())
        .getToken();
  }

  @Override
  public ServerCall client(
      Channel channel, Metadata headers, SetRequest[] requests, boolean verified) {
    ImmuServiceStub stub =
        ImmuServiceGrpc.newStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    return new ServerCall() {
      private int next;

      @Override
      public void send(long lastSeen, Reply reply) {
        SetRequest req = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        ImmuServiceStub s =
            stub.withDeadlineAfter(ServerClient.CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
        if (verified) {
          s.verifiableSet(
              VerifiableSetRequest.newBuilder()
                  .setSetRequest(req)
                  .setProveSinceTx(lastSeen)
                  .build(),
              ServerCall.observer(reply, a -> a.getTx().getMetadata().getId()));
        } else {
          s.set(req, ServerCall.observer(reply, TxMetadata::getId));
        }
      }
    };
  }
}
