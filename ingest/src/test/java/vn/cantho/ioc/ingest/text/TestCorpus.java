package vn.cantho.ioc.ingest.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the text corpora under {@code src/test/resources/text}: one entry per line, '#' comments and
 * blank lines skipped.
 */
final class TestCorpus {

    private TestCorpus() {}

    static List<String> lines(String name) {
        try (InputStream in = TestCorpus.class.getResourceAsStream("/text/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource text/" + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
