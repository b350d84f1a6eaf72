package vn.cantho.ioc.api.alertmanager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.cantho.ioc.embedded.FreePorts;

/**
 * The real Alertmanager (Debian's {@code prometheus-alertmanager}, 0.25) on a free loopback port,
 * clustering off, data in the test's directory: the reference the hub's Alertmanager API is compared
 * with. Stopped through its own {@link Process} handle.
 */
final class RealAlertmanager implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final Process process;
    private final int port;

    private RealAlertmanager(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with {@code config} (an Alertmanager YAML) and waits until it answers {@code /-/ready}. */
    static RealAlertmanager start(String config, Path dir) throws IOException, InterruptedException {
        Amtool.requireInstalled(BINARY);
        Path configFile = dir.resolve("alertmanager.yml");
        Files.writeString(configFile, config);
        Path data = Files.createDirectories(dir.resolve("alertmanager-data"));
        int port = FreePorts.pick();
        Process process = new ProcessBuilder(List.of(
                        BINARY.toString(),
                        "--config.file=" + configFile,
                        "--storage.path=" + data,
                        "--web.listen-address=127.0.0.1:" + port,
                        "--cluster.listen-address=",
                        "--log.level=warn"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        RealAlertmanager am = new RealAlertmanager(process, port);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Alertmanager exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("alertmanager.log")));
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(am.url() + "/-/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return am;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        am.close();
        throw new AssertionError("Alertmanager did not become ready within 30 s");
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
