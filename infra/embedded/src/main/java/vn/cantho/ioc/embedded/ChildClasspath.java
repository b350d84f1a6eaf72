package vn.cantho.ioc.embedded;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Computes the classpath for a child JVM that must see the same classes as this one.
 *
 * <p>{@code java.class.path} is not always the real classpath: Surefire and Failsafe start tests with a
 * "manifest-only" booter jar whose manifest {@code Class-Path} lists the real jars, and launchers started
 * with {@code java -jar} do the same. The booter jar is deleted when the test JVM exits, so instead of
 * passing it on, every jar's manifest {@code Class-Path} is expanded into plain file paths (resolved against
 * the jar's own location, as the JVM does).
 */
public final class ChildClasspath {

    private ChildClasspath() {}

    /** The expanded classpath of this JVM. */
    public static List<Path> ofCurrentJvm() {
        return expand(System.getProperty("java.class.path", ""));
    }

    /** Expands a {@code java.class.path}-style string, keeping order and dropping duplicates. */
    static List<Path> expand(String classPath) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String element : classPath.split(File.pathSeparator)) {
            if (!element.isBlank()) {
                add(Path.of(element).toAbsolutePath().normalize(), entries);
            }
        }
        return List.copyOf(entries);
    }

    /** Joins entries with the platform path separator, as {@code -cp} expects. */
    public static String join(List<Path> entries) {
        return String.join(
                File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /**
     * Writes this JVM's expanded classpath as a {@code java @file} argument file ({@code -cp "..."}): on the command
     * line it can exceed Linux's 128 KiB limit for one argument, and the file keeps {@code ps} readable.
     */
    public static void writeArgFile(Path file) throws IOException {
        String quoted = join(ofCurrentJvm()).replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(file, "-cp \"" + quoted + "\"\n", StandardCharsets.UTF_8);
    }

    private static void add(Path entry, Set<Path> entries) {
        if (!entries.add(entry)
                || !Files.isRegularFile(entry)
                || !entry.toString().endsWith(".jar")) {
            return;
        }
        String manifestClassPath = manifestClassPath(entry);
        if (manifestClassPath == null) {
            return;
        }
        URI base = entry.toUri();
        for (String reference : manifestClassPath.trim().split("\\s+")) {
            if (!reference.isEmpty()) {
                add(resolve(base, reference), entries);
            }
        }
    }

    private static String manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        } catch (IOException notAJar) {
            return null; // the JVM skips unreadable classpath entries too; the child gets it unexpanded
        }
    }

    /** Manifest entries are URL-encoded URLs relative to the jar: "lib/a.jar", "../x/" or "file:/abs/b.jar". */
    private static Path resolve(URI jar, String reference) {
        try {
            return Path.of(jar.resolve(new URI(reference))).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("Unusable manifest Class-Path entry '" + reference + "' in " + jar, e);
        }
    }
}
