package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.LoginResponse;
import io.immudb.server.auth.LoginResult;
import io.immudb.server.auth.LoginSessions;

/**
 * The session RPCs of spec v1 §9.3: {@code Login} opens a session on {@code defaultdb} and answers
 * with its token, {@code Logout} ends every session of the caller's user. Login is refused when the
 * server runs with authentication off. Errors are the auth layer's {@link ImmuException}s, turned
 * into statuses by {@link StatusMapper}. Thread-safe (holds no per-call state).
 */
final class AuthRpcs {
  private final LoginSessions tokens;
  private final Caller caller;

  AuthRpcs(LoginSessions tokens, Caller caller) {
    this.tokens = tokens;
    this.caller = caller;
  }

  /** {@code Login}: a new token, and a warning if the sysadmin still has the default password. */
  LoginResponse login(LoginRequest req) {
    if (!caller.authEnabled()) {
      throw new ImmuException(
          ErrorCode.FAILED_PRECONDITION,
          "server is running with authentication disabled, please enable authentication to login");
    }
    LoginResult r =
        tokens.login(
            req.getUser().toStringUtf8(),
            req.getPassword().toStringUtf8(),
            ClientAddress.current());
    LoginResponse.Builder b = LoginResponse.newBuilder().setToken(r.token().value());
    r.warning().ifPresent(w -> b.setWarning(ByteString.copyFromUtf8(w)));
    return b.build();
  }

  /** {@code Logout}: ends the sessions of the user whose token the call carries. */
  Empty logout() {
    tokens.logout(Caller.header());
    return Empty.getDefaultInstance();
  }
}
