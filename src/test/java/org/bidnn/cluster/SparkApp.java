package org.bidnn.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application to submit: main class, application jar, extra jars ({@code --jars}), Spark
 * settings ({@code --conf}) and arguments. Immutable; the {@code with} methods return copies.
 *
 * <p>A bidnn command ({@code train}, {@code embed}, ...) is {@link #bidnn(String...)}: main class
 * {@code org.bidnn.cli.BidnnCli} in {@code target/bidnn-spark-submit.jar}, as submit/ runs it.
 */
public record SparkApp(String mainClass, Path jar, List<Path> jars, Map<String, String> conf, List<String> args) {

    public static final String BIDNN_MAIN_CLASS = "org.bidnn.cli.BidnnCli";

    public SparkApp {
        jars = List.copyOf(jars);
        conf = Map.copyOf(conf);
        args = List.copyOf(args);
    }

    /** {@code bidnn ARGS...} from the spark-submit jar. */
    public static SparkApp bidnn(String... args) {
        return new SparkApp(BIDNN_MAIN_CLASS, BuildLayout.submitJar(), List.of(), Map.of(), List.of(args));
    }

    /**
     * A test application in {@code appJar}, with the spark-submit jar as {@code --jars}: DL4J and
     * ND4J reach it only from there, as they reach bidnn's own commands.
     */
    public static SparkApp of(String mainClass, Path appJar, String... args) {
        return new SparkApp(mainClass, appJar, List.of(BuildLayout.submitJar()), Map.of(), List.of(args));
    }

    public SparkApp withConf(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(conf);
        more.put(key, value);
        return new SparkApp(mainClass, jar, jars, more, args);
    }

    public SparkApp withConf(Map<String, String> settings) {
        Map<String, String> more = new LinkedHashMap<>(conf);
        more.putAll(settings);
        return new SparkApp(mainClass, jar, jars, more, args);
    }

    public SparkApp withJar(Path extraJar) {
        List<Path> more = new ArrayList<>(jars);
        more.add(extraJar);
        return new SparkApp(mainClass, jar, more, conf, args);
    }

    /**
     * The spark-submit arguments for {@code master} and {@code mode}; {@code defaults} (the
     * cluster's settings) come first, so that the application's own settings win.
     */
    List<String> submitArguments(String master, DeployMode mode, Map<String, String> defaults) {
        List<String> a = new ArrayList<>(List.of("--master", master, "--deploy-mode", mode.sparkName(),
                "--class", mainClass));
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(conf);
        all.forEach((k, v) -> a.addAll(List.of("--conf", k + "=" + v)));
        if (!jars.isEmpty()) {
            a.add("--jars");
            a.add(String.join(",", jars.stream().map(p -> p.toAbsolutePath().toUri().toString()).toList()));
        }
        a.add(jar.toAbsolutePath().toUri().toString());
        a.addAll(args);
        return a;
    }
}
