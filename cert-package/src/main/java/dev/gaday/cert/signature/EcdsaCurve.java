package dev.gaday.cert.signature;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;

/**
 * The three NIST curves OpenSSH signs with (RFC 5656): key type {@code ecdsa-sha2-nistpNNN}, the curve's name in
 * the key blob, its JDK name, and the hash its signatures use (SHA-256, -384, -512).
 */
enum EcdsaCurve {
    NISTP256("nistp256", "secp256r1", "SHA256"),
    NISTP384("nistp384", "secp384r1", "SHA384"),
    NISTP521("nistp521", "secp521r1", "SHA512");

    private final String sshName;
    private final String hash;
    private final ECParameterSpec parameters;

    EcdsaCurve(String sshName, String jdkName, String hash) {
        this.sshName = sshName;
        this.hash = hash;
        try {
            AlgorithmParameters ec = AlgorithmParameters.getInstance("EC");
            ec.init(new ECGenParameterSpec(jdkName));
            this.parameters = ec.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks the curve " + jdkName, e);
        }
    }

    /** The curve of a key type such as ecdsa-sha2-nistp256, or null. */
    static EcdsaCurve ofKeyType(String keyType) {
        for (EcdsaCurve curve : values()) {
            if (curve.keyType().equals(keyType)) {
                return curve;
            }
        }
        return null;
    }

    String keyType() {
        return "ecdsa-sha2-" + sshName;
    }

    String sshName() {
        return sshName;
    }

    ECParameterSpec parameters() {
        return parameters;
    }

    /** The JDK signature algorithm, with r and s as fixed-length halves (IEEE P1363). */
    String signatureAlgorithm() {
        return hash + "withECDSAinP1363Format";
    }

    int fieldBytes() {
        return (parameters.getCurve().getField().getFieldSize() + 7) / 8;
    }

    /** An uncompressed point (0x04, X, Y), as SSH carries it. */
    ECPoint decodePoint(byte[] encoded, String what) throws SshFormatException {
        int size = fieldBytes();
        if (encoded.length != 1 + 2 * size || encoded[0] != 4) {
            throw new SshFormatException(what + " is malformed (not an uncompressed " + sshName + " point)");
        }
        return new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + size)),
                new BigInteger(1, Arrays.copyOfRange(encoded, 1 + size, encoded.length)));
    }

    byte[] encodePoint(ECPoint point) {
        int size = fieldBytes();
        byte[] out = new byte[1 + 2 * size];
        out[0] = 4;
        copyUnsigned(point.getAffineX(), out, 1, size);
        copyUnsigned(point.getAffineY(), out, 1 + size, size);
        return out;
    }

    /** The SSH signature's inner blob (mpint r, mpint s) from the JDK's P1363 r || s. */
    byte[] sshSignature(byte[] p1363) {
        int half = p1363.length / 2;
        return new SshWire.Writer()
                .mpint(new BigInteger(1, Arrays.copyOfRange(p1363, 0, half)))
                .mpint(new BigInteger(1, Arrays.copyOfRange(p1363, half, p1363.length)))
                .bytes();
    }

    /** The JDK's P1363 r || s from the SSH signature's inner blob; null when r or s does not fit the curve. */
    byte[] p1363(byte[] sshSignature) throws SshFormatException {
        SshWire.Reader in = new SshWire.Reader(sshSignature, "the ECDSA signature");
        BigInteger r = in.mpint();
        BigInteger s = in.mpint();
        in.end();
        int size = fieldBytes();
        if (r.signum() <= 0 || s.signum() <= 0 || r.bitLength() > 8 * size || s.bitLength() > 8 * size) {
            return null;
        }
        byte[] out = new byte[2 * size];
        copyUnsigned(r, out, 0, size);
        copyUnsigned(s, out, size, size);
        return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset, int size) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > size ? bytes.length - size : 0; // a leading sign byte
        int length = bytes.length - skip;
        System.arraycopy(bytes, skip, out, offset + size - length, length);
    }
}
