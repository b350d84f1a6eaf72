package vn.cantho.ioc.api.alertmanager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code amtool} (package {@code prometheus-alertmanager}, installed by {@code .ci/run})
 * against an Alertmanager URL, authenticated as Alertmanager users do it: a bearer token in the file
 * {@code --http.config.file} names.
 */
final class Amtool {

    static final Path BINARY = Path.of("/usr/bin/amtool");

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private final String url;
    private final Path httpConfig;

    /** @param token null for no Authorization header */
    Amtool(String url, String token, Path dir) throws IOException {
        requireInstalled(BINARY);
        this.url = url;
        this.httpConfig = Files.createTempFile(dir, "amtool-http", ".yml");
        Files.writeString(
                httpConfig, token == null ? "{}\n" : "authorization:\n  type: Bearer\n  credentials: " + token + "\n");
    }

    /** Fails, naming the package, when a binary the test needs is missing: CI installs it, so absence is a fault. */
    static void requireInstalled(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new AssertionError(binary + " is missing: install Debian's prometheus-alertmanager package"
                    + " (apt-get install -y prometheus-alertmanager; .ci/run does it)");
        }
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>(
                List.of(BINARY.toString(), "--alertmanager.url=" + url, "--http.config.file=" + httpConfig));
        command.addAll(List.of(args));
        return exec(command);
    }

    static Result exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 30 s");
            }
            return new Result(
                    process.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(command + " could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
