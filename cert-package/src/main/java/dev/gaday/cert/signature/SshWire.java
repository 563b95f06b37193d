package dev.gaday.cert.signature;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SSH wire encoding (RFC 4251 section 5) that OpenSSH's keys and signatures are made of: uint32 big-endian,
 * string (uint32 length, then the bytes), mpint (a string holding a two's complement big-endian integer).
 */
final class SshWire {
    private SshWire() {}

    /** Reads a blob front to back; every read checks the length first, so a short blob is a clear error. */
    static final class Reader {
        private final byte[] data;
        private final String what;
        private int position;

        /** @param what names the blob in errors ("the signature", "the private key") */
        Reader(byte[] data, String what) {
            this.data = data;
            this.what = what;
        }

        /** An unsigned 32-bit number. */
        long uint32() throws SshFormatException {
            byte[] b = raw(4);
            return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
        }

        byte[] string() throws SshFormatException {
            long length = uint32();
            if (length > remaining()) {
                throw new SshFormatException(what + " is malformed (a length beyond its end)");
            }
            return raw((int) length);
        }

        String text() throws SshFormatException {
            return new String(string(), StandardCharsets.UTF_8);
        }

        BigInteger mpint() throws SshFormatException {
            byte[] bytes = string();
            return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
        }

        byte[] raw(int length) throws SshFormatException {
            if (length < 0 || length > data.length - position) {
                throw new SshFormatException(what + " is malformed (it ends early)");
            }
            byte[] out = Arrays.copyOfRange(data, position, position + length);
            position += length;
            return out;
        }

        int remaining() {
            return data.length - position;
        }

        void end() throws SshFormatException {
            if (remaining() != 0) {
                throw new SshFormatException(what + " is malformed (" + remaining() + " bytes after its end)");
            }
        }
    }

    /** Builds a blob. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(long value) {
            out.write((int) (value >>> 24) & 0xFF);
            out.write((int) (value >>> 16) & 0xFF);
            out.write((int) (value >>> 8) & 0xFF);
            out.write((int) value & 0xFF);
            return this;
        }

        Writer string(byte[] bytes) {
            uint32(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Writer string(String text) {
            return string(text.getBytes(StandardCharsets.UTF_8));
        }

        Writer mpint(BigInteger value) {
            // toByteArray is already the minimal two's complement form mpint asks for; zero is the empty string.
            return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
        }

        Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
