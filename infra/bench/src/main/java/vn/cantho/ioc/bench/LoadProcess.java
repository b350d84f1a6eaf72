package vn.cantho.ioc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.embedded.ChildClasspath;
import vn.cantho.ioc.embedded.ShutdownHooks;
import vn.cantho.ioc.simulator.LoadGenerator;
import vn.cantho.ioc.simulator.LoadOptions;
import vn.cantho.ioc.simulator.LoadReport;

/**
 * Runs the load generator in a child JVM ({@code ./ioc load} with the benchmark's options) and reads back its report.
 * The devices' side stays on this machine and takes its share of the two cores, as before; in its own process its
 * memory is no longer counted as the hub's, and {@link ProcessResources} reports it apart, as a deployment's devices
 * are not part of the stack.
 */
final class LoadProcess {

    /** The main class {@link ProcessResources} recognises a load generator by. */
    static final String MAIN_CLASS = LoadGenerator.class.getName();
    /** The generator's heap: its publishers keep little (messages in flight), most of it is short-lived payloads. */
    private static final String HEAP = "256m";

    private LoadProcess() {}

    /**
     * Publishes {@code options} from a child JVM and returns its report once it has finished (its drain included).
     *
     * @param workDir where the child's classpath argument file is written
     * @throws IllegalStateException when the child fails without a report
     */
    static LoadReport run(LoadOptions options, Path workDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + HEAP);
        // Its log lines go to stderr (the benchmark's own), so stdout carries only the report.
        command.add("-DIOC_LOG_TARGET=System.err");
        command.add("@" + classpathArgFile(workDir));
        command.add(MAIN_CLASS);
        command.addAll(options.toArgs());
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // A benchmark stopped with Ctrl-C or SIGTERM takes its load generator with it.
        Thread stopChild = new Thread(child::destroyForcibly, "bench-load-generator-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            child.getOutputStream().close();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = child.waitFor();
            String report = out.lines()
                    .filter(line -> line.startsWith("{"))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException(
                            "the load generator exited with " + exit + " and printed no report: " + out));
            return LoadReport.fromJson(report);
        } finally {
            child.destroyForcibly();
            // During the JVM's exit the hook runs and stops a child that has ended anyway.
            ShutdownHooks.remove(stopChild);
        }
    }

    private static Path classpathArgFile(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("load-generator.classpath");
        ChildClasspath.writeArgFile(file);
        return file;
    }
}
