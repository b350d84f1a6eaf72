package vn.cantho.ioc.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import vn.cantho.ioc.testkit.TimescaleTestServer;

/**
 * Test helper that reproduces a parent killed with SIGKILL: a separate JVM starts a server on a data directory,
 * reports that it is ready and is then killed, so no shutdown hook runs and the server's process is orphaned.
 */
public final class OrphanMaker {

    private OrphanMaker() {}

    /**
     * Entry point of the short-lived parent JVM: {@code kafka|postgres|timescale <dataDir>}. For {@code timescale}
     * the node server keeps its database in memory and its pid is written to {@code <dataDir>/node.pid}.
     */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        switch (args[0]) {
            case "kafka" -> new EmbeddedKafka(dataDir, 0, 0).start();
            case "postgres" -> new EmbeddedDatabase(dataDir, 0).start();
            case "timescale" -> {
                TimescaleTestServer server = new TimescaleTestServer();
                server.start();
                Files.createDirectories(dataDir);
                Files.writeString(dataDir.resolve("node.pid"), server.pid() + "\n");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a server of {@code kind} on {@code dataDir} in another JVM and kills that JVM with SIGKILL. */
    public static void startAndKillParent(String kind, Path dataDir) throws Exception {
        Path classpathFile = Files.createTempFile("orphan-maker", ".args");
        Files.writeString(classpathFile, "-cp \"" + ChildClasspath.join(ChildClasspath.ofCurrentJvm()) + "\"\n");
        Process parent = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + classpathFile,
                        OrphanMaker.class.getName(),
                        kind,
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> awaitReady(parent));
            if (!ready.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The " + kind + " parent JVM exited before it was ready");
            }
        } finally {
            parent.destroyForcibly(); // SIGKILL: the server is left running without its parent
            parent.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(classpathFile);
        }
    }

    private static boolean awaitReady(Process parent) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("[orphan-maker] " + line);
                if (line.equals("READY")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
