package io.immudb.bench.load;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.immudb.legacy.proto.ImmuServiceGrpc;
import io.immudb.legacy.proto.ImmuServiceGrpc.ImmuServiceStub;
import io.immudb.legacy.proto.LegacyProto.Database;
import io.immudb.legacy.proto.LegacyProto.Index;
import io.immudb.legacy.proto.LegacyProto.KVList;
import io.immudb.legacy.proto.LegacyProto.KeyValue;
import io.immudb.legacy.proto.LegacyProto.LoginRequest;
import io.immudb.legacy.proto.LegacyProto.Proof;
import io.immudb.legacy.proto.LegacyProto.SafeSetOptions;
import io.immudb.proto.SetRequest;
import java.util.concurrent.TimeUnit;

/**
 * The v0.8 API of the legacy port (spec v0.8 §4; docs/legacy.md), as immudb4j 0.1.8 calls it:
 * {@code Login} then {@code UseDatabase}; {@code Set} (one entry) or {@code SetBatch} (several), or
 * {@code SafeSet} with {@code rootIndex} = the index of the latest root the client has seen (the
 * {@code at} of its previous proof, as the SDK's stored root). Proofs are not checked. {@code
 * SafeSet} takes one entry, so a verified run needs {@code --batch 1}. Thread-safe (stateless).
 */
final class LegacyApi implements ServerApi {
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
        .useDatabase(Database.newBuilder().setDatabasename(database).build())
        .getToken();
  }

  @Override
  public ServerCall client(
      Channel channel, Metadata headers, SetRequest[] requests, boolean verified) {
    ImmuServiceStub stub =
        ImmuServiceGrpc.newStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    KVList[] lists = new KVList[requests.length];
    for (int i = 0; i < requests.length; i++) {
      KVList.Builder b = KVList.newBuilder();
      for (io.immudb.proto.KeyValue kv : requests[i].getKVsList()) {
        b.addKVs(KeyValue.newBuilder().setKey(kv.getKey()).setValue(kv.getValue()));
      }
      lists[i] = b.build();
    }
    if (verified && lists[0].getKVsCount() != 1) {
      throw new IllegalArgumentException(
          "--api legacy --verified sends SafeSet, which takes one entry: use --batch 1");
    }
    return new ServerCall() {
      private int next;

      @Override
      public void send(long lastSeen, Reply reply) {
        KVList list = lists[next];
        next = next + 1 == lists.length ? 0 : next + 1;
        ImmuServiceStub s =
            stub.withDeadlineAfter(ServerClient.CALL_DEADLINE_SECONDS, TimeUnit.SECONDS);
        if (verified) {
          s.safeSet(
              SafeSetOptions.newBuilder()
                  .setKv(list.getKVs(0))
                  .setRootIndex(Index.newBuilder().setIndex(lastSeen))
                  .build(),
              ServerCall.observer(reply, Proof::getAt));
        } else if (list.getKVsCount() == 1) {
          s.set(list.getKVs(0), ServerCall.observer(reply, Index::getIndex));
        } else {
          s.setBatch(list, ServerCall.observer(reply, Index::getIndex));
        }
      }
    };
  }
}
