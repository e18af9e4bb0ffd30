package io.immudb.cli.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The validated settings of an {@link Auditor}. Immutable; the compact constructor rejects
 * inconsistent settings with an {@link IllegalArgumentException} naming the flag.
 *
 * @param address the server's host
 * @param port the server's gRPC port, 1-65535
 * @param maxRecvMsgSize the largest answer accepted, in bytes
 * @param username user to log in as
 * @param password its password (already decoded from {@code enc:})
 * @param databases the databases to audit; empty: every database the user can list
 * @param interval time between the start of one round and the next one's, &gt; 0
 * @param serverSigningPubKey the server's public key; non-null exactly when signatures are
 *     validated
 * @param verifyValues whether values written since the last round are re-read and checked
 * @param notificationUrl where tampering reports are posted, or null
 * @param notificationUsername basic-auth user for the notification, or null
 * @param notificationPassword its password, or null
 * @param monitoringHost the address the metrics endpoint binds to
 * @param monitoringPort its port, 0-65535 (0: any free port)
 * @param rounds stop after this many rounds; 0: run until stopped
 * @param statesDir where the trusted states are kept
 * @param json print JSON lines instead of text
 */
public record AuditorOptions(
    String address,
    int port,
    int maxRecvMsgSize,
    String username,
    String password,
    List<String> databases,
    Duration interval,
    Path serverSigningPubKey,
    boolean verifyValues,
    URI notificationUrl,
    String notificationUsername,
    String notificationPassword,
    String monitoringHost,
    int monitoringPort,
    long rounds,
    Path statesDir,
    boolean json) {
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_.-]+");

  public AuditorOptions {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(statesDir, "statesDir");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--immudb-port must be 1-65535, got " + port);
    }
    if (username == null || username.isEmpty()) {
      throw new IllegalArgumentException("--audit-username must not be empty");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "--audit-password is required (plain, or enc: followed by base64)");
    }
    databases = List.copyOf(databases);
    for (String db : databases) {
      if (!DATABASE.matcher(db).matches()) {
        throw new IllegalArgumentException(
            "--audit-databases: '" + db + "' is not a database name");
      }
    }
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("--audit-interval must be positive, got " + interval);
    }
    if (notificationUrl != null) {
      String scheme = notificationUrl.getScheme();
      if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          || notificationUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "--audit-notification-url must be an http:// or https:// URL, got " + notificationUrl);
      }
    }
    if ((notificationUsername == null) != (notificationPassword == null)) {
      throw new IllegalArgumentException(
          "--audit-notification-username and --audit-notification-password go together");
    }
    if (notificationUsername != null && notificationUrl == null) {
      throw new IllegalArgumentException(
          "--audit-notification-username needs --audit-notification-url");
    }
    if (monitoringHost == null || monitoringHost.isEmpty()) {
      throw new IllegalArgumentException("--audit-monitoring-host must not be empty");
    }
    if (monitoringPort < 0 || monitoringPort > 65535) {
      throw new IllegalArgumentException(
          "--audit-monitoring-port must be 0-65535, got " + monitoringPort);
    }
    if (rounds < 0) {
      throw new IllegalArgumentException("--audit-rounds must be >= 0, got " + rounds);
    }
  }

  /** Whether state signatures are checked ({@code --audit-signature validate}). */
  public boolean validateSignatures() {
    return serverSigningPubKey != null;
  }

  /** host:port of the server, as labelled in metrics and reports. */
  public String serverAddress() {
    return address + ":" + port;
  }

  /**
   * A password as {@code --audit-password} takes it: plain text, or {@code enc:} followed by its
   * base64 encoding.
   *
   * @throws IllegalArgumentException if it starts with {@code enc:} and the rest is not base64
   */
  public static String decodePassword(String flagValue) {
    if (flagValue == null || !flagValue.startsWith("enc:")) {
      return flagValue;
    }
    try {
      return new String(
          java.util.Base64.getDecoder().decode(flagValue.substring(4).trim()),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--audit-password: the text after 'enc:' is not base64 (" + e.getMessage() + ")");
    }
  }

  /** The password hidden, so that settings can be printed. */
  @Override
  public String toString() {
    return "AuditorOptions["
        + serverAddress()
        + ", user "
        + username
        + ", databases "
        + databases
        + ", every "
        + interval
        + ", signatures "
        + (validateSignatures() ? "validated" : "ignored")
        + ", values "
        + (verifyValues ? "verified" : "not verified")
        + ", notify "
        + notificationUrl
        + ", metrics "
        + monitoringHost
        + ":"
        + monitoringPort
        + ", rounds "
        + rounds
        + ", states "
        + statesDir
        + "]";
  }
}
