package dev.gaday.cert.signature;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** The little DER a PKCS#1 RSA key needs to become the PKCS#8 the JDK's key factory reads. */
final class Der {
    /** INTEGER 0 (version), SEQUENCE { OID rsaEncryption, NULL }. */
    private static final byte[] RSA_PKCS8_HEADER = HexFormat.of().parseHex("020100300d06092a864886f70d0101010500");

    private Der() {}

    /** Wraps a PKCS#1 RSAPrivateKey (PEM "RSA PRIVATE KEY") into a PKCS#8 PrivateKeyInfo. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_PKCS8_HEADER);
        body.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, body.toByteArray());
    }

    static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xFF);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
