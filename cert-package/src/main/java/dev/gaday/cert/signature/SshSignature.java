package dev.gaday.cert.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A detached signature in OpenSSH's SSHSIG format (OpenSSH's PROTOCOL.sshsig), as {@code ssh-keygen -Y sign}
 * writes and {@code ssh-keygen -Y verify} checks: the armoured blob "SSHSIG", version 1, public key, namespace,
 * reserved, hash algorithm and signature; the signature is over "SSHSIG", namespace, reserved, hash algorithm and
 * the hash of the message.
 *
 * @param publicKey the signer's key, as the signature carries it
 * @param namespace what the signature is for (cert-package: {@value #NAMESPACE})
 * @param hashAlgorithm sha512 or sha256
 * @param signatureAlgorithm ssh-ed25519, rsa-sha2-512, rsa-sha2-256 or ecdsa-sha2-nistpNNN
 * @param signature the raw signature bytes (for ECDSA: the SSH encoding, mpint r and mpint s)
 */
public record SshSignature(
        SshPublicKey publicKey, String namespace, String hashAlgorithm, String signatureAlgorithm, byte[] signature) {
    /** The namespace of the certification package's signature. */
    public static final String NAMESPACE = "ga-certification";

    static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    static final String END = "-----END SSH SIGNATURE-----";
    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final String SHA512 = "sha512";
    private static final String SHA256 = "sha256";
    /** ssh-keygen wraps the armoured base64 at 70 characters. */
    private static final int LINE = 70;

    public SshSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Signs a file's SHA-512 under {@code namespace}; returns the armoured text of the .sig file. */
    public static String sign(SigningKey key, String namespace, Path file) throws IOException {
        byte[] hash = hash(SHA512, file);
        byte[] signatureBlob = key.sign(signedData(namespace, SHA512, hash));
        byte[] blob = new SshWire.Writer()
                .raw(MAGIC)
                .uint32(VERSION)
                .string(key.publicKey().blob())
                .string(namespace)
                .string(new byte[0])
                .string(SHA512)
                .string(signatureBlob)
                .bytes();
        return armour(blob);
    }

    /** What the key signs: the magic, namespace, reserved (empty), hash algorithm and the message's hash. */
    static byte[] signedData(String namespace, String hashAlgorithm, byte[] hash) {
        return new SshWire.Writer()
                .raw(MAGIC)
                .string(namespace)
                .string(new byte[0])
                .string(hashAlgorithm)
                .string(hash)
                .bytes();
    }

    static String armour(byte[] blob) {
        String base64 = Base64.getEncoder().encodeToString(blob);
        StringBuilder text = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += LINE) {
            text.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
        }
        return text.append(END).append('\n').toString();
    }

    /** Parses the armoured text of a .sig file. */
    public static SshSignature parse(String text) throws SshFormatException {
        String trimmed = text.strip();
        if (!trimmed.startsWith(BEGIN) || !trimmed.endsWith(END)) {
            throw new SshFormatException("is not an SSH signature (no '" + BEGIN + "' ... '" + END + "' block)");
        }
        String body = trimmed.substring(BEGIN.length(), trimmed.length() - END.length())
                .replaceAll("\\s+", "");
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new SshFormatException("is not a valid SSH signature (its base64 text is damaged)");
        }
        return fromBlob(blob);
    }

    static SshSignature fromBlob(byte[] blob) throws SshFormatException {
        String what = "the signature";
        SshWire.Reader in = new SshWire.Reader(blob, what);
        if (!Arrays.equals(in.raw(MAGIC.length), MAGIC)) {
            throw new SshFormatException("is not an SSH signature (no SSHSIG magic)");
        }
        long version = in.uint32();
        if (version != VERSION) {
            throw new SshFormatException("is an SSH signature of version " + version + "; only version 1 is known");
        }
        SshPublicKey key = SshPublicKey.fromBlob(in.string(), "the signature's key");
        String namespace = in.text();
        in.string(); // reserved
        String hashAlgorithm = in.text();
        SshWire.Reader signatureBlob = new SshWire.Reader(in.string(), what);
        in.end();
        String algorithm = signatureBlob.text();
        byte[] signature = signatureBlob.string();
        signatureBlob.end();
        if (!hashAlgorithm.equals(SHA512) && !hashAlgorithm.equals(SHA256)) {
            throw new SshFormatException("uses an unsupported hash algorithm '" + SshPublicKey.printable(hashAlgorithm)
                    + "' (sha512 or sha256)");
        }
        boolean fits = key.type().equals(SshPublicKey.RSA)
                ? algorithm.equals(SigningKey.RSA_SHA2_512) || algorithm.equals("rsa-sha2-256")
                : algorithm.equals(key.type());
        if (!fits) {
            // OpenSSH too refuses RSA signatures with SHA-1 (ssh-rsa) in this format.
            throw new SshFormatException("has a signature of type '" + SshPublicKey.printable(algorithm)
                    + "', which does not fit its " + key.type() + " key");
        }
        return new SshSignature(key, namespace, hashAlgorithm, algorithm, signature);
    }

    /** Whether the signature is the signer's over this file's hash (the namespace is checked by the caller). */
    public boolean matches(Path file) throws IOException {
        byte[] data = signedData(namespace, hashAlgorithm, hash(hashAlgorithm, file));
        try {
            Signature verifier = Signature.getInstance(javaAlgorithm());
            verifier.initVerify(publicKey.javaKey());
            verifier.update(data);
            EcdsaCurve curve = publicKey.curve();
            byte[] bytes = curve == null ? padded() : curve.p1363(signature);
            return bytes != null && verifier.verify(bytes);
        } catch (GeneralSecurityException | SshFormatException e) {
            return false; // a signature of the wrong length or encoding is simply not valid
        }
    }

    private String javaAlgorithm() {
        return switch (signatureAlgorithm) {
            case SigningKey.RSA_SHA2_512 -> "SHA512withRSA";
            case "rsa-sha2-256" -> "SHA256withRSA";
            case SshPublicKey.ED25519 -> "Ed25519";
            default -> publicKey.curve().signatureAlgorithm();
        };
    }

    /** An RSA signature shorter than the modulus is left-padded with zeros, as OpenSSH accepts it. */
    private byte[] padded() {
        if (publicKey.javaKey() instanceof RSAPublicKey rsa) {
            int length = (rsa.getModulus().bitLength() + 7) / 8;
            if (signature.length < length) {
                byte[] out = new byte[length];
                System.arraycopy(signature, 0, out, length - signature.length, signature.length);
                return out;
            }
        }
        return signature;
    }

    static byte[] hash(String algorithm, Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm.equals(SHA256) ? "SHA-256" : "SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshSignature that
                && publicKey.equals(that.publicKey)
                && namespace.equals(that.namespace)
                && hashAlgorithm.equals(that.hashAlgorithm)
                && signatureAlgorithm.equals(that.signatureAlgorithm)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SshSignature[" + publicKey.describe() + ", namespace " + namespace + ", " + hashAlgorithm + "]";
    }
}
