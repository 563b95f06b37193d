package dev.gaday.cert.signature;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A private key read from an OpenSSH key file: the {@code openssh-key-v1} format ssh-keygen writes by default
 * (Ed25519, RSA or ECDSA, unencrypted), or PKCS#8 / PKCS#1 PEM ({@code BEGIN PRIVATE KEY}, {@code BEGIN RSA
 * PRIVATE KEY}; Ed25519 and RSA). It signs as OpenSSH does: Ed25519, RSA with rsa-sha2-512, ECDSA with the
 * curve's hash. Its toString names the key by its
 * fingerprint only; no message ever holds the key's bytes.
 */
public final class SigningKey {
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    static final String RSA_SHA2_512 = "rsa-sha2-512";

    private final SshPublicKey publicKey;
    private final PrivateKey privateKey;

    private SigningKey(SshPublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Reads a private key file.
     *
     * @throws SshFormatException naming the file and what is wrong: missing, unreadable, encrypted, a public key,
     *     not a key, or an unsupported type
     */
    public static SigningKey read(Path file) throws SshFormatException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new SshFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new SshFormatException(
                    file + ": cannot read the key file (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new SshFormatException(file + ": not a private key (larger than 64 KiB)");
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        try {
            return parse(text);
        } catch (SshFormatException e) {
            throw new SshFormatException(SshFormatException.about(file, "the key file", e.getMessage()));
        }
    }

    /** Parses a key file's text; errors do not name the file (the caller adds it). */
    static SigningKey parse(String text) throws SshFormatException {
        if (text.startsWith("ssh-") || text.startsWith("ecdsa-") || text.startsWith("sk-")) {
            throw new SshFormatException("is a public key; give the private key (the file without .pub)");
        }
        if (text.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----")) {
            return openSsh(pem(text, "OPENSSH PRIVATE KEY"));
        }
        if (text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----") || text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw encrypted();
        }
        if (text.startsWith("-----BEGIN PRIVATE KEY-----")) {
            return pkcs8(pem(text, "PRIVATE KEY"));
        }
        if (text.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {
            return pkcs8(Der.rsaPkcs1ToPkcs8(pem(text, "RSA PRIVATE KEY")));
        }
        if (text.startsWith("-----BEGIN EC PRIVATE KEY-----")) {
            throw new SshFormatException("is a PEM ECDSA key, which cert-package does not read; convert it to the "
                    + "OpenSSH format (ssh-keygen -p -f FILE rewrites it so) or use an Ed25519 key");
        }
        if (text.startsWith("-----BEGIN DSA PRIVATE KEY-----")) {
            throw SshPublicKey.unsupported("ssh-dss", "the key");
        }
        throw new SshFormatException("is not a private key (expected an OpenSSH or PEM private key file)");
    }

    private static SshFormatException encrypted() {
        return new SshFormatException("the key is encrypted with a passphrase, which cert-package cannot ask for; "
                + "give an unencrypted key");
    }

    private static byte[] pem(String text, String label) throws SshFormatException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int stop = text.indexOf(end);
        if (stop < 0) {
            throw new SshFormatException("is not a complete key file (no '" + end + "' line)");
        }
        String body = text.substring(begin.length(), stop).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new SshFormatException("is not a valid key file (its base64 text is damaged)");
        }
    }

    /** openssh-key-v1: magic, cipher, kdf, kdf options, key count, public key, then the private section. */
    private static SigningKey openSsh(byte[] data) throws SshFormatException {
        String what = "the private key";
        if (data.length < OPENSSH_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(data, OPENSSH_MAGIC.length), OPENSSH_MAGIC)) {
            throw new SshFormatException("is not a valid OpenSSH private key (no openssh-key-v1 header)");
        }
        SshWire.Reader in = new SshWire.Reader(Arrays.copyOfRange(data, OPENSSH_MAGIC.length, data.length), what);
        String cipher = in.text();
        String kdf = in.text();
        in.string(); // kdf options
        if (!cipher.equals("none") || !kdf.equals("none")) {
            throw encrypted();
        }
        long keys = in.uint32();
        if (keys != 1) {
            throw new SshFormatException("holds " + keys + " keys; cert-package reads a file with one key");
        }
        byte[] publicBlob = in.string();
        SshWire.Reader secret = new SshWire.Reader(in.string(), what);
        in.end();
        if (secret.uint32() != secret.uint32()) {
            throw new SshFormatException("is not a valid OpenSSH private key (its check numbers differ)");
        }
        String type = secret.text();
        SigningKey key;
        switch (type) {
            case SshPublicKey.ED25519 -> {
                byte[] publicRaw = secret.string();
                byte[] secretKey = secret.string(); // seed (32) then the public key (32)
                if (publicRaw.length != 32 || secretKey.length != 64) {
                    throw new SshFormatException("is not a valid Ed25519 private key (wrong key lengths)");
                }
                key = new SigningKey(SshPublicKey.ed25519(publicRaw), ed25519Private(Arrays.copyOf(secretKey, 32)));
                Arrays.fill(secretKey, (byte) 0);
            }
            case SshPublicKey.RSA -> {
                BigInteger n = secret.mpint();
                BigInteger e = secret.mpint();
                BigInteger d = secret.mpint();
                BigInteger iqmp = secret.mpint();
                BigInteger p = secret.mpint();
                BigInteger q = secret.mpint();
                if (p.signum() <= 0 || q.signum() <= 0 || d.signum() <= 0) {
                    throw new SshFormatException("is not a valid RSA private key");
                }
                SshPublicKey publicKey = SshPublicKey.rsa(e, n, "the key");
                try {
                    PrivateKey privateKey = KeyFactory.getInstance("RSA")
                            .generatePrivate(new RSAPrivateCrtKeySpec(
                                    n,
                                    e,
                                    d,
                                    p,
                                    q,
                                    d.mod(p.subtract(BigInteger.ONE)),
                                    d.mod(q.subtract(BigInteger.ONE)),
                                    iqmp));
                    key = new SigningKey(publicKey, privateKey);
                } catch (GeneralSecurityException ex) {
                    throw new SshFormatException("is not a valid RSA private key");
                }
            }
            default -> {
                EcdsaCurve curve = EcdsaCurve.ofKeyType(type);
                if (curve == null) {
                    throw SshPublicKey.unsupported(type, "the key");
                }
                String curveName = secret.text();
                byte[] point = secret.string();
                BigInteger d = secret.mpint();
                if (!curveName.equals(curve.sshName()) || d.signum() <= 0) {
                    throw new SshFormatException("is not a valid ECDSA private key");
                }
                SshPublicKey publicKey = SshPublicKey.ecdsa(curve, curve.decodePoint(point, "the key"), "the key");
                try {
                    PrivateKey privateKey =
                            KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, curve.parameters()));
                    key = new SigningKey(publicKey, privateKey);
                } catch (GeneralSecurityException ex) {
                    throw new SshFormatException("is not a valid ECDSA private key");
                }
            }
        }
        secret.string(); // comment
        if (!Arrays.equals(publicBlob, key.publicKey.blob())) {
            throw new SshFormatException("is not a valid OpenSSH private key (its public and private parts differ)");
        }
        return key;
    }

    private static PrivateKey ed25519Private(byte[] seed) throws SshFormatException {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new SshFormatException("is not a valid Ed25519 private key");
        }
    }

    /** PKCS#8 (PEM "PRIVATE KEY"): RSA or Ed25519; the public key is derived from the private one. */
    private static SigningKey pkcs8(byte[] der) throws SshFormatException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(spec);
            if (key instanceof RSAPrivateCrtKey crt) {
                return new SigningKey(SshPublicKey.rsa(crt.getPublicExponent(), crt.getModulus(), "the key"), key);
            }
            throw new SshFormatException("is an RSA key without its public exponent, which cert-package cannot use");
        } catch (GeneralSecurityException notRsa) {
            // not an RSA key: try Ed25519
        }
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(spec);
            byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
            return new SigningKey(SshPublicKey.ed25519(ed25519PublicOf(seed)), key);
        } catch (GeneralSecurityException | RuntimeException notEd25519) {
            throw new SshFormatException(
                    "is of an unsupported key type or not a valid PKCS#8 key (PKCS#8: Ed25519 or RSA)");
        }
    }

    /**
     * The raw Ed25519 public key of a seed. The JDK has no public call for it; its key pair generator takes the
     * seed as its 32 random bytes, so a generator fed exactly the seed yields the key pair.
     */
    private static byte[] ed25519PublicOf(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        KeyPair pair = generator.generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
            throw new GeneralSecurityException("the Ed25519 public key could not be derived");
        }
        return raw;
    }

    public SshPublicKey publicKey() {
        return publicKey;
    }

    /** The signature algorithm OpenSSH names in the signature: ssh-ed25519, rsa-sha2-512 or the ECDSA key type. */
    String signatureAlgorithm() {
        return publicKey.type().equals(SshPublicKey.RSA) ? RSA_SHA2_512 : publicKey.type();
    }

    /** Signs {@code data}; returns the SSH signature blob (string algorithm, string signature). */
    byte[] sign(byte[] data) {
        EcdsaCurve curve = publicKey.curve();
        String algorithm = curve != null
                ? curve.signatureAlgorithm()
                : publicKey.type().equals(SshPublicKey.RSA) ? "SHA512withRSA" : "Ed25519";
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(data);
            byte[] signature = signer.sign();
            return new SshWire.Writer()
                    .string(signatureAlgorithm())
                    .string(curve != null ? curve.sshSignature(signature) : signature)
                    .bytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + publicKey.describe() + "]";
    }
}
