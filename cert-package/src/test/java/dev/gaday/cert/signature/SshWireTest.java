package dev.gaday.cert.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The SSH wire encoding against RFC 4251's own examples, and reads that run past the end. */
class SshWireTest {
    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void mpintsAreEncodedAsRfc4251Section5Shows() {
        assertArrayEquals(
                hex("00000000"), new SshWire.Writer().mpint(BigInteger.ZERO).bytes());
        assertArrayEquals(
                hex("00000008 09a378f9b2e332a7"),
                new SshWire.Writer()
                        .mpint(new BigInteger("9a378f9b2e332a7", 16))
                        .bytes());
        assertArrayEquals(
                hex("00000002 0080"),
                new SshWire.Writer().mpint(BigInteger.valueOf(0x80)).bytes());
        // RFC 4251 prints "ed cc" for -1234, a reported erratum: its two's complement is fb 2e.
        assertArrayEquals(
                hex("00000002 fb2e"),
                new SshWire.Writer().mpint(BigInteger.valueOf(-1234)).bytes());
        assertArrayEquals(
                hex("00000005 ff21524111"),
                new SshWire.Writer().mpint(new BigInteger("-deadbeef", 16)).bytes());
    }

    @Test
    void stringsAndUint32RoundTrip() throws SshFormatException {
        byte[] blob = new SshWire.Writer()
                .uint32(0xFFFFFFF0L >>> 4)
                .string("testing")
                .mpint(new BigInteger("9a378f9b2e332a7", 16))
                .string(new byte[0])
                .bytes();
        assertArrayEquals(hex("0fffffff 00000007 74657374696e67 00000008 09a378f9b2e332a7 00000000"), blob);
        SshWire.Reader in = new SshWire.Reader(blob, "the blob");
        assertEquals(0x0FFFFFFF, in.uint32());
        assertEquals("testing", in.text());
        assertEquals(new BigInteger("9a378f9b2e332a7", 16), in.mpint());
        assertEquals(0, in.string().length);
        in.end();
    }

    @Test
    void aLengthPastTheEndIsAClearError() {
        SshWire.Reader in = new SshWire.Reader(hex("0000 00"), "the signature");
        SshFormatException e = assertThrows(SshFormatException.class, in::string);
        assertEquals("the signature is malformed (it ends early)", e.getMessage());
        SshWire.Reader shortString = new SshWire.Reader(hex("00000010 6869"), "the signature");
        assertEquals(
                "the signature is malformed (a length beyond its end)",
                assertThrows(SshFormatException.class, shortString::string).getMessage());
        SshWire.Reader huge = new SshWire.Reader(hex("ffffffff"), "the key");
        assertEquals(
                "the key is malformed (a length beyond its end)",
                assertThrows(SshFormatException.class, huge::string).getMessage());
        SshWire.Reader extra = new SshWire.Reader(hex("00000000 00"), "the key");
        assertEquals(
                "the key is malformed (1 bytes after its end)",
                assertThrows(SshFormatException.class, () -> {
                            extra.string();
                            extra.end();
                        })
                        .getMessage());
    }
}
