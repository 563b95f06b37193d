package dev.gaday.common.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI for TLS tests, made in-process in milliseconds (keytool runs take seconds each
 * on a loaded machine): an EC CA, an EC server certificate for localhost/127.0.0.1 in a PKCS#12
 * keystore for WireMock, and an RSA client certificate with its PKCS#8 PEM key for mTLS. The JDK
 * has no public API to build certificates, so this writes the few DER structures of an X.509 v3
 * certificate itself and signs them with java.security.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";

    public final Path caPem;
    public final Path serverKeystore;
    public final Path trustStore;
    public final Path clientCertPem;
    public final Path clientKeyPem;
    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final String caName;
    private long nextSerial = 100;

    public TestPki(Path dir) throws IOException, GeneralSecurityException {
        this(dir, "GA Day Test CA");
    }

    /** A PKI whose CA has its own name and key: a second one is a CA that the first one's users do not trust. */
    public TestPki(Path dir, String caName) throws IOException, GeneralSecurityException {
        this.dir = dir;
        this.caName = caName;
        caPem = dir.resolve("ca.pem");
        serverKeystore = dir.resolve("server.p12");
        trustStore = dir.resolve("trust.p12");
        clientCertPem = dir.resolve("client.pem");
        clientKeyPem = dir.resolve("client.key.pem");

        Instant now = Instant.now();
        caKeys = ecKeyPair();
        ca = certificate(
                caName,
                caKeys,
                caName,
                caKeys.getPrivate(),
                1,
                now.minusSeconds(3600),
                now.plusSeconds(2 * 86_400),
                extension("2.5.29.19", true, seq(bool(true))));
        KeyPair serverKeys = ecKeyPair();
        X509Certificate server = certificate(
                "localhost",
                serverKeys,
                caName,
                caKeys.getPrivate(),
                2,
                now.minusSeconds(3600),
                now.plusSeconds(2 * 86_400),
                subjectAltNames("localhost", "127.0.0.1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair clientKeys = rsa.generateKeyPair();
        X509Certificate client = certificate(
                "gaday-client",
                clientKeys,
                caName,
                caKeys.getPrivate(),
                3,
                now.minusSeconds(3600),
                now.plusSeconds(2 * 86_400));

        Files.writeString(caPem, pem("CERTIFICATE", ca.getEncoded()));
        KeyStore trust = emptyKeyStore();
        trust.setCertificateEntry("ca", ca);
        save(trust, trustStore);
        KeyStore serverStore = emptyKeyStore();
        serverStore.setKeyEntry(
                "server", serverKeys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {server, ca});
        save(serverStore, serverKeystore);
        Files.writeString(clientCertPem, pem("CERTIFICATE", client.getEncoded()) + pem("CERTIFICATE", ca.getEncoded()));
        Files.writeString(
                clientKeyPem, pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded())); // PKCS#8
    }

    /**
     * A PKCS#12 keystore (password {@link #PASSWORD}) with a server certificate signed by this CA, valid
     * from {@code notBefore} to {@code notAfter}, for the given DNS names and IP addresses: an expired
     * certificate, or one for another host name, for TLS failure tests.
     */
    public Path serverKeystore(String fileName, Instant notBefore, Instant notAfter, String... namesAndIps)
            throws IOException, GeneralSecurityException {
        KeyPair keys = ecKeyPair();
        X509Certificate server = certificate(
                namesAndIps.length == 0 ? "server" : namesAndIps[0],
                keys,
                caName,
                caKeys.getPrivate(),
                nextSerial++,
                notBefore,
                notAfter,
                subjectAltNames(namesAndIps));
        KeyStore store = emptyKeyStore();
        store.setKeyEntry("server", keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {server, ca});
        Path file = dir.resolve(fileName);
        save(store, file);
        return file;
    }

    /** A server-side SSLContext presenting the keystore's certificate (for WebSocket and raw TLS servers). */
    public static SSLContext serverContext(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** As {@link #serverContext}, also trusting this CA for client certificates (for mutual TLS servers). */
    public SSLContext mutualServerContext(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        KeyStore trust = emptyKeyStore();
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static byte[] subjectAltNames(String... namesAndIps) {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String name : namesAndIps) {
            if (name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                String[] parts = name.split("\\.");
                byte[] ip = new byte[4];
                for (int i = 0; i < 4; i++) {
                    ip[i] = (byte) Integer.parseInt(parts[i]);
                }
                names.writeBytes(tlv(0x87, ip));
            } else {
                names.writeBytes(tlv(0x82, name.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        return extension("2.5.29.17", false, tlv(0x30, names.toByteArray()));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    /** An X.509 v3 certificate signed with SHA256withECDSA by {@code issuerKey}, valid from notBefore to notAfter. */
    private static X509Certificate certificate(
            String subject,
            KeyPair subjectKeys,
            String issuer,
            PrivateKey issuerKey,
            long serial,
            Instant notBefore,
            Instant notAfter,
            byte[]... extensions)
            throws GeneralSecurityException {
        byte[] algorithm = seq(oid("1.2.840.10045.4.3.2"));
        byte[] tbs = seq(
                tlv(0xA0, integer(BigInteger.TWO)),
                integer(BigInteger.valueOf(serial)),
                algorithm,
                name(issuer),
                seq(utcTime(notBefore), utcTime(notAfter)),
                name(subject),
                subjectKeys.getPublic().getEncoded(),
                extensions.length == 0 ? new byte[0] : tlv(0xA3, seq(extensions)));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(issuerKey);
        signature.update(tbs);
        byte[] signed = signature.sign();
        byte[] bits = new byte[signed.length + 1];
        System.arraycopy(signed, 0, bits, 1, signed.length);
        byte[] der = seq(tbs, algorithm, tlv(0x03, bits));
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    // ---- DER -------------------------------------------------------------------------------------

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >> (7 * g)) & 0x7F) | (g == 0 ? 0 : 0x80));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] name(String commonName) {
        return seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] utcTime(Instant time) {
        String text = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(time);
        return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? seq(oid(oid), bool(true), tlv(0x04, value)) : seq(oid(oid), tlv(0x04, value));
    }

    private static KeyStore emptyKeyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static void save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }
}
