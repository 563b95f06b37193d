package dev.gaday.common.http;

import java.io.ByteArrayOutputStream;

/**
 * The few DER structures needed to read the private keys cert-manager writes: PKCS#1 RSA and SEC1 EC
 * keys re-wrapped as PKCS#8, the one form the JDK's KeyFactory reads.
 */
final class Der {
    /** rsaEncryption, 1.2.840.113549.1.1.1, followed by NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private Der() {}

    /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        return tlv(0x30, VERSION_0, RSA_ALGORITHM, tlv(0x04, pkcs1));
    }

    /**
     * SEC1 ECPrivateKey (SEQUENCE { version 1, privateKey OCTET STRING, [0] curve OID, [1] public key })
     * → PKCS#8 with the curve from its [0] field.
     */
    static byte[] ecSec1ToPkcs8(byte[] sec1) {
        Reader outer = new Reader(sec1, 0, sec1.length);
        Reader sequence = outer.enter(0x30);
        sequence.skip(0x02);
        sequence.skip(0x04);
        byte[] curve = null;
        while (sequence.hasMore()) {
            int tag = sequence.peekTag();
            if (tag == 0xa0) {
                Reader parameters = sequence.enter(0xa0);
                curve = parameters.element(0x06);
            } else {
                sequence.skip(tag);
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("no named curve in the key");
        }
        return tlv(0x30, VERSION_0, tlv(0x30, EC_PUBLIC_KEY, curve), tlv(0x04, sec1));
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            value.writeBytes(part);
        }
        int length = value.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }

    /** Reads the elements of one DER constructed value, with bounds checked. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private final int end;

        Reader(byte[] data, int start, int end) {
            this.data = data;
            this.position = start;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        int peekTag() {
            if (position >= end) {
                throw new IllegalArgumentException("truncated DER");
            }
            return data[position] & 0xff;
        }

        /** The contents of the next element, which must have {@code tag}, as a reader. */
        Reader enter(int tag) {
            int[] bounds = next(tag);
            return new Reader(data, bounds[1], bounds[2]);
        }

        /** The whole next element (tag, length, contents). */
        byte[] element(int tag) {
            int[] bounds = next(tag);
            byte[] copy = new byte[bounds[2] - bounds[0]];
            System.arraycopy(data, bounds[0], copy, 0, copy.length);
            return copy;
        }

        void skip(int tag) {
            next(tag);
        }

        /** {start of element, start of contents, end of contents}; the reader moves past the element. */
        private int[] next(int tag) {
            int start = position;
            if (peekTag() != tag) {
                throw new IllegalArgumentException("unexpected DER tag 0x" + Integer.toHexString(peekTag()));
            }
            position++;
            if (position >= end) {
                throw new IllegalArgumentException("truncated DER");
            }
            int length = data[position++] & 0xff;
            if (length >= 0x80) {
                int bytes = length & 0x7f;
                if (bytes == 0 || bytes > 3 || position + bytes > end) {
                    throw new IllegalArgumentException("bad DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (data[position++] & 0xff);
                }
            }
            if (length > end - position) {
                throw new IllegalArgumentException("truncated DER");
            }
            int contents = position;
            position += length;
            return new int[] {start, contents, position};
        }
    }
}
