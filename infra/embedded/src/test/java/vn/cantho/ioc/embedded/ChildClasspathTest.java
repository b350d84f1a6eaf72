package vn.cantho.ioc.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildClasspathTest {

    @TempDir
    Path dir;

    @Test
    void a_manifest_only_jar_is_expanded_into_the_entries_its_manifest_lists() throws IOException {
        // Given a booter jar like Surefire's, listing a relative jar, an absolute URL and a path with a space
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path relative = Files.createFile(lib.resolve("a.jar"));
        Path absolute = Files.createDirectories(dir.resolve("other dir/classes"));
        Path booter = manifestOnlyJar(dir.resolve("booter.jar"), "lib/a.jar " + absolute.toUri() + " missing.jar");

        // When
        var entries = ChildClasspath.expand(booter.toString());

        // Then the booter jar is kept and its references follow, resolved against its folder
        assertThat(entries).containsExactly(booter, relative, absolute, dir.resolve("missing.jar"));
    }

    @Test
    void plain_entries_keep_their_order_and_lose_duplicates() throws IOException {
        // Given
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createFile(dir.resolve("b.jar"));
        String classPath = String.join(File.pathSeparator, a.toString(), b.toString(), a.toString(), "");

        // When
        var entries = ChildClasspath.expand(classPath);

        // Then
        assertThat(entries).containsExactly(a, b);
        assertThat(ChildClasspath.join(entries)).isEqualTo(a + File.pathSeparator + b);
    }

    @Test
    void the_current_jvm_classpath_contains_kafka() {
        // Given this test runs under Surefire, possibly from a manifest-only booter jar
        // When
        var entries = ChildClasspath.ofCurrentJvm();

        // Then the real jars are listed, not only the booter
        assertThat(entries).anyMatch(entry -> entry.getFileName().toString().startsWith("kafka_2.13-"));
    }

    private static Path manifestOnlyJar(Path jar, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
