package vn.cantho.ioc.ingest.text;

import java.util.Objects;

/**
 * The result of normalising one text field: the NFC Unicode text and the encoding it was found in.
 *
 * @param text     the text in Unicode NFC; never null
 * @param detected the encoding the (converted part of the) text was in; never null
 */
public record Conversion(String text, Encoding detected) {

    static final Conversion EMPTY = new Conversion("", Encoding.UNICODE);

    public Conversion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detected, "detected");
    }
}
