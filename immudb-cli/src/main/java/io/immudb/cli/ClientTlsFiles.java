package io.immudb.cli;

import io.immudb.client.ImmuClientBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Applies the TLS flags of immuclient and immuadmin to the SDK builder, as the original tools did:
 * {@code --mtls} connects with TLS presenting {@code --certificate} / {@code --pkey} and verifying
 * the server against {@code --clientcas}, and the server's name against {@code --servername}. The
 * added {@code --tls} does the same without a client certificate. Without either flag the
 * connection is plaintext and the file flags are not read (their environment variables may be set
 * for later use). Keys are read with BouncyCastle, so PKCS#8 and traditional RSA/EC PEM keys both
 * work. Public for immugw, which takes the same flags. Stateless.
 */
public final class ClientTlsFiles {
  private ClientTlsFiles() {}

  /**
   * Configures TLS on {@code b} from the flag values ({@code null} when unset).
   *
   * @throws IllegalArgumentException naming the flag, if a needed flag is missing or a file is
   *     unusable
   */
  public static void apply(
      ImmuClientBuilder b,
      boolean tls,
      boolean mtls,
      String serverName,
      Path certificate,
      Path pkey,
      Path clientCas) {
    if (!tls && !mtls) {
      return;
    }
    if (mtls && (certificate == null || pkey == null)) {
      throw new IllegalArgumentException(
          "--mtls needs --certificate and --pkey: the client certificate and its private key");
    }
    if ((certificate == null) != (pkey == null)) {
      throw new IllegalArgumentException(
          certificate == null ? "--pkey needs --certificate" : "--certificate needs --pkey");
    }
    b.useTls();
    if (clientCas != null) {
      b.trustCertificates(certificates(clientCas, "clientcas"));
    }
    if (certificate != null) {
      List<X509Certificate> chain = certificates(certificate, "certificate");
      PrivateKey key = privateKey(pkey);
      try {
        b.clientCertificate(chain, key);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--pkey " + pkey + ": " + e.getMessage(), e);
      }
    }
    if (serverName != null && !serverName.isBlank()) {
      b.serverName(serverName);
    }
  }

  /** The certificates in the PEM file {@code file} of flag {@code --flag}. */
  static List<X509Certificate> certificates(Path file, String flag) {
    List<X509Certificate> certs = new ArrayList<>();
    JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
    try (Reader r = open(file, flag);
        PEMParser parser = new PEMParser(r)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof X509CertificateHolder h) {
          certs.add(conv.getCertificate(h));
        }
      }
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--" + flag + " " + file + ": not a valid PEM certificate file (" + e.getMessage() + ")",
          e);
    }
    if (certs.isEmpty()) {
      throw new IllegalArgumentException(
          "--" + flag + " " + file + ": no PEM CERTIFICATE block found");
    }
    return certs;
  }

  /** The unencrypted private key (PKCS#8, or traditional RSA / EC) in {@code --pkey file}. */
  static PrivateKey privateKey(Path file) {
    try (Reader r = open(file, "pkey");
        PEMParser parser = new PEMParser(r)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof PEMKeyPair kp) {
          return new JcaPEMKeyConverter().getPrivateKey(kp.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return new JcaPEMKeyConverter().getPrivateKey(info);
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new IllegalArgumentException(
              "--pkey "
                  + file
                  + ": the private key is encrypted; decrypt it first, e.g. "
                  + "openssl pkey -in <key> -out <plain key>");
        }
      }
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--pkey " + file + ": not a valid PEM private key (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException("--pkey " + file + ": no PEM private key found");
  }

  private static Reader open(Path file, String flag) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--" + flag + " " + file + ": cannot read the file (" + e + ")", e);
    }
  }
}
