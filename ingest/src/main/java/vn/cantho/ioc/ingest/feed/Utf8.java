package vn.cantho.ioc.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 checks and decoding. */
final class Utf8 {

    private Utf8() {}

    static boolean isValid(byte[] bytes) {
        return decode(bytes, 0, bytes.length).isPresent();
    }

    /** The text, or empty when the bytes are not valid UTF-8. */
    static Optional<String> decode(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) {
            return Optional.of(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** 3 when the bytes start with the UTF-8 byte order mark, else 0. */
    static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3
                : 0;
    }
}
