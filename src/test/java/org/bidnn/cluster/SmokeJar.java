package org.bidnn.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The jar that ships {@link SmokeApp} to a cluster, zipped from target/test-classes. */
public final class SmokeJar {

    private SmokeJar() {
    }

    /** Writes {@code dir/bidnn-smoke.jar}: the classes of SmokeApp (nested ones included). */
    public static Path build(Path dir) {
        Path classes = BuildLayout.testClasses();
        String pkg = SmokeApp.class.getPackageName().replace('.', '/');
        String prefix = SmokeApp.class.getSimpleName();
        Path jar = dir.resolve("bidnn-smoke.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SmokeApp.class.getName());
        try {
            Files.createDirectories(dir);
            List<Path> files;
            try (Stream<Path> all = Files.list(classes.resolve(pkg))) {
                files = all.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.equals(prefix + ".class") || name.startsWith(prefix + "$");
                }).sorted().toList();
            }
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
                for (Path file : files) {
                    zip.putNextEntry(new JarEntry(pkg + "/" + file.getFileName()));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    /** SmokeApp's arguments. */
    public static String[] args(long numbers, int partitions, Path out) {
        return new String[] {"--numbers", Long.toString(numbers), "--partitions", Integer.toString(partitions),
            "--out", out.toAbsolutePath().toString()};
    }

    /** Reads the properties file SmokeApp wrote. */
    public static Properties result(Path out) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(out)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("SmokeApp wrote no result at " + out, e);
        }
        return p;
    }
}
