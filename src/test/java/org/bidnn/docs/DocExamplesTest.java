package org.bidnn.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.bidnn.cli.CliRun;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command example of README.md and docs/*.md runs as documented. A {@code sh} (or
 * {@code bash}) block is an example: each {@code bin/bidnn ...} line in it runs in this JVM through
 * the command line ({@link CliRun}), from the project directory, with {@code out/} mapped to a
 * temporary directory shared by the blocks of one page, in the page's order. A command must exit 0
 * and every {@code out/} path the block names must exist afterwards. A block the test cannot run (a
 * cluster submission, a crontab line, Maven, a job too long for a unit test) names on the line before
 * its fence the tests or scripts that run its equivalent, {@code <!-- run by: YarnJobIT -->}, and
 * those must exist. So that no example hides from the test, every fence names its language.
 */
@ExtendWith(SharedSpark.class)
class DocExamplesTest {

    /**
     * The forms of the command line the pages may use; both run the same CLI. (The jar needs the
     * launcher's classpath and JVM options, so the pages show no {@code java -jar} form.)
     */
    private static final List<String> LAUNCHERS = List.of("bin/bidnn", "bidnn");
    /** An output path of an example, at the start of a word or after a blank or an '='. */
    private static final Pattern OUT = Pattern.compile("(^|[\\s=])out/");
    private static final Pattern OUT_PATH = Pattern.compile("(?:^|[\\s=])out/([^\\s\"']+)");

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    @Test
    void everyFenceNamesItsLanguage() {
        List<String> bare = DocPages.all().stream().flatMap(p -> FencedBlock.of(p).stream())
                .filter(b -> b.language().isEmpty()).map(FencedBlock::where).toList();
        assertEquals(List.of(), bare, "fenced blocks without a language (sh for examples, text for the rest)");
    }

    @Test
    void blocksThatCannotRunHereNameWhatRunsThem() {
        List<String> missing = new ArrayList<>();
        int marked = 0;
        for (Path page : DocPages.all()) {
            for (FencedBlock block : FencedBlock.of(page)) {
                for (String name : block.runBy()) {
                    marked++;
                    if (!exists(name)) {
                        missing.add(block.where() + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "'run by' names no test class (src/test/java) or file of the project");
        assertTrue(marked > 0);
    }

    @Test
    void everyExampleRunsAndWritesWhatItNames() throws IOException {
        int commands = 0;
        for (Path page : DocPages.all()) {
            Path work = Files.createDirectories(tmp.resolve(page.toString().replace('/', '_')));
            Files.createDirectories(work.resolve("out"));
            for (FencedBlock block : FencedBlock.of(page)) {
                if (!block.isShell() || !block.runBy().isEmpty()) {
                    continue;
                }
                for (String command : block.commands()) {
                    List<String> args = bidnnArgs(block, command);
                    List<Path> named = outPaths(command, work);
                    List<Path> before = named.stream().filter(Files::exists).toList();
                    long start = System.nanoTime();
                    CliRun.Result r = CliRun.bidnn(args.stream().map(a -> OUT.matcher(a).replaceAll("$1" + work + "/out/"))
                            .toArray(String[]::new));
                    System.out.printf("%s: %.1fs: %s%n", block.where(), (System.nanoTime() - start) / 1e9, command);
                    assertEquals(0, r.code(), block.where() + ": " + command + "\n" + r.err());
                    commands++;
                    // What a command names under out/ is what it reads, there before it, or what it writes.
                    for (Path path : named) {
                        assertTrue(before.contains(path) || Files.exists(path),
                                block.where() + ": '" + command + "' names " + path + ", which it neither read nor wrote");
                    }
                }
            }
        }
        assertTrue(commands >= 10, commands + " examples ran");
    }

    /** The paths under out/ that a command line names, in the example's directory; %e as in the final write. */
    private static List<Path> outPaths(String command, Path work) {
        List<Path> paths = new ArrayList<>();
        Matcher m = OUT_PATH.matcher(command);
        while (m.find()) {
            paths.add(work.resolve("out").resolve(m.group(1).replace("%e", "final")));
        }
        return paths;
    }

    /** The arguments of a documented bidnn command line, without its launcher. */
    private static List<String> bidnnArgs(FencedBlock block, String command) {
        for (String launcher : LAUNCHERS) {
            if (command.startsWith(launcher + " ")) {
                try {
                    return ShellWords.split(command.substring(launcher.length()));
                } catch (IllegalArgumentException e) {
                    throw new AssertionError(block.where() + ": " + e.getMessage());
                }
            }
        }
        throw new AssertionError(block.where() + ": '" + command + "' is not a bidnn command: run it here, or "
                + "name what runs it in a '<!-- run by: ... -->' line before the fence");
    }

    /** A test class of src/test/java (its simple name), or a file of the project (a path). */
    private static boolean exists(String name) {
        if (name.contains("/") || name.contains(".")) {
            return Files.exists(DocPages.PROJECT.resolve(name));
        }
        try (Stream<Path> files = Files.walk(DocPages.PROJECT.resolve("src/test/java"))) {
            return files.anyMatch(p -> p.getFileName().toString().equals(name + ".java"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
