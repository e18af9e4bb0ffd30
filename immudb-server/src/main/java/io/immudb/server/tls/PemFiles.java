package io.immudb.server.tls;

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
 * Reads the PEM files of the TLS flags with BouncyCastle's {@code PEMParser}: certificates ({@code
 * CERTIFICATE} blocks, in file order) and unencrypted private keys in PKCS#8 ({@code PRIVATE KEY})
 * or the traditional OpenSSL forms ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}). Other blocks
 * (e.g. {@code EC PARAMETERS}) are skipped. Thread-safe (stateless).
 */
final class PemFiles {
  private PemFiles() {}

  /**
   * The certificates in {@code file}, in order.
   *
   * @param flag the flag the file came from, without dashes, for the error message
   * @throws TlsFileException if the file can't be read or holds no valid certificate
   */
  static List<X509Certificate> certificates(Path file, String flag) {
    List<X509Certificate> certs = new ArrayList<>();
    JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
    try (Reader r = reader(file, flag);
        PEMParser parser = new PEMParser(r)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof X509CertificateHolder holder) {
          certs.add(conv.getCertificate(holder));
        }
      }
    } catch (TlsFileException e) {
      throw e;
    } catch (IOException | CertificateException | RuntimeException e) {
      throw invalid(flag, file, "not a valid PEM certificate file", e);
    }
    if (certs.isEmpty()) {
      throw new TlsFileException(
          flag, "--" + flag + " " + file + ": no PEM CERTIFICATE block found");
    }
    return List.copyOf(certs);
  }

  /**
   * The first private key in {@code file}.
   *
   * @param flag the flag the file came from, without dashes, for the error message
   * @throws TlsFileException if the file can't be read, holds no private key or an encrypted one
   */
  static PrivateKey privateKey(Path file, String flag) {
    JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
    try (Reader r = reader(file, flag);
        PEMParser parser = new PEMParser(r)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof PEMKeyPair kp) {
          return conv.getPrivateKey(kp.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return conv.getPrivateKey(info);
        }
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new TlsFileException(
              flag,
              "--"
                  + flag
                  + " "
                  + file
                  + ": the private key is encrypted; decrypt it first, e.g. "
                  + "openssl pkey -in <key> -out <plain key>");
        }
      }
    } catch (TlsFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw invalid(flag, file, "not a valid PEM private key", e);
    }
    throw new TlsFileException(flag, "--" + flag + " " + file + ": no PEM private key found");
  }

  private static Reader reader(Path file, String flag) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new TlsFileException(
          flag, "--" + flag + " " + file + ": cannot read the file (" + e + ")", e);
    }
  }

  private static TlsFileException invalid(String flag, Path file, String what, Exception e) {
    return new TlsFileException(
        flag, "--" + flag + " " + file + ": " + what + " (" + e.getMessage() + ")", e);
  }
}
