package dev.gaday.common.http;

import java.nio.file.Path;

/**
 * How to verify a server and, for mTLS, who we are. All paths are PEM files; null means "not set".
 *
 * @param caFile             CA certificate(s) to trust instead of the JVM's default trust store
 * @param clientCertificate  client certificate chain for mTLS (needs {@code clientKey})
 * @param clientKey          the client's private key (RSA or EC; PKCS#8, PKCS#1 or SEC1 PEM), unencrypted
 * @param insecureSkipVerify trust any server certificate and host name (tests only)
 */
public record TlsSettings(Path caFile, Path clientCertificate, Path clientKey, boolean insecureSkipVerify) {
    /** The JVM's trust store, no client certificate. */
    public static final TlsSettings DEFAULT = new TlsSettings(null, null, null, false);

    public TlsSettings {
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("a client certificate needs its key and a key its certificate");
        }
    }

    public boolean isDefault() {
        return caFile == null && clientCertificate == null && !insecureSkipVerify;
    }
}
