package vn.cantho.ioc.simulator.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Department bearer tokens from a file in the format of the hub's {@code demo-tokens.txt}: comment
 * lines starting with {@code #}, then {@code department=token} lines.
 */
public final class FeedTokens {

    private FeedTokens() {}

    /** Department id to token. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            tokens.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return tokens;
    }
}
