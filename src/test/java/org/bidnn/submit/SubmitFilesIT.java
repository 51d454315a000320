package org.bidnn.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.bidnn.cluster.BuildLayout;
import org.junit.jupiter.api.Test;

/**
 * The files that run the job on clusters agree with each other and with the build: the
 * spark-submit jar, conf/spark-defaults.conf, the Kubernetes manifests (against the Spark
 * operator's v1beta2 schemas) and their image, and the nightly job's Airflow DAG.
 */
class SubmitFilesIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path PROJECT = BuildLayout.projectDir();
    private static final Path MANIFEST = PROJECT.resolve("submit/k8s/bidnn-sparkapplication.yaml");
    private static final Path SCHEDULED = PROJECT.resolve("submit/k8s/bidnn-scheduledsparkapplication.yaml");
    private static final Path DAG = PROJECT.resolve("submit/airflow/bidnn_nightly.py");

    private static JsonNode manifest() throws IOException {
        return YAML.readTree(MANIFEST.toFile());
    }

    private static JsonNode schema() throws IOException {
        return resource("/k8s/sparkapplication-v1beta2-schema.yaml");
    }

    private static JsonNode scheduled() throws IOException {
        return YAML.readTree(SCHEDULED.toFile());
    }

    private static JsonNode scheduledSchema() throws IOException {
        return resource("/k8s/scheduledsparkapplication-v1beta2-schema.yaml");
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = SubmitFilesIT.class.getResourceAsStream(name)) {
            return YAML.readTree(in);
        }
    }

    /** conf/spark-defaults.conf as Spark reads it: "key value" lines, # comments. */
    static Map<String, String> sparkDefaults() throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PROJECT.resolve("conf/spark-defaults.conf"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] kv = l.split("\\s+", 2);
            props.put(kv[0], kv.length > 1 ? kv[1].strip() : "");
        }
        return props;
    }

    @Test
    void manifestConformsToTheSparkOperatorSchema() throws IOException {
        JsonNode m = manifest();
        assertEquals(List.of(), OpenApiSchema.validate(schema(), m));
        assertEquals("sparkoperator.k8s.io/v1beta2", m.path("apiVersion").asText());
        assertEquals("SparkApplication", m.path("kind").asText());
        assertTrue(m.path("metadata").path("name").asText().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"),
                "metadata.name is a DNS label");
        JsonNode spec = m.path("spec");
        assertEquals("Java", spec.path("type").asText());
        assertEquals("cluster", spec.path("mode").asText());
        assertEquals("3.5.5", spec.path("sparkVersion").asText(), "the Spark of pom.xml");
        assertFalse(spec.path("image").asText().isBlank());
        assertEquals("OnFailure", spec.path("restartPolicy").path("type").asText());
    }

    @Test
    void schemaCheckCatchesWhatKubernetesWouldRejectOrDrop() throws IOException {
        JsonNode schema = schema();
        ObjectNode noVersion = (ObjectNode) manifest();
        ((ObjectNode) noVersion.get("spec")).remove("sparkVersion");
        assertEquals(List.of("$.spec: required field 'sparkVersion' is missing"), OpenApiSchema.validate(schema, noVersion));

        ObjectNode wrong = (ObjectNode) manifest();
        ObjectNode spec = (ObjectNode) wrong.get("spec");
        spec.set("mode", new TextNode("yarn"));
        ((ObjectNode) spec.get("driver")).set("cores", new TextNode("1"));
        ((ObjectNode) spec.get("executor")).set("instances", new IntNode(0));
        ((ObjectNode) spec.get("executor")).set("memmory", new TextNode("4g"));
        List<String> errors = OpenApiSchema.validate(schema, wrong);
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.contains("$.spec.mode: \"yarn\" is not one of [\"cluster\",\"client\"]"), errors.toString());
        assertTrue(errors.contains("$.spec.driver.cores: expected integer, found string \"1\""), errors.toString());
        assertTrue(errors.contains("$.spec.executor.instances: 0 is below the minimum 1"), errors.toString());
        assertTrue(errors.contains("$.spec.executor.memmory: unknown field"), errors.toString());
    }

    @Test
    void manifestRunsTheMainClassOfTheJarFromTheImage() throws IOException {
        JsonNode spec = manifest().path("spec");
        String mainClass = spec.path("mainClass").asText();
        try (JarFile jar = new JarFile(BuildLayout.submitJar().toFile())) {
            assertTrue(jar.getEntry(mainClass.replace('.', '/') + ".class") != null, mainClass + " is in the jar");
            assertEquals(mainClass, jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        String file = spec.path("mainApplicationFile").asText();
        assertTrue(file.startsWith("local:///"), "the jar is in the image: " + file);
        String inImage = file.substring("local://".length());
        assertTrue(inImage.endsWith("/" + BuildLayout.submitJar().getFileName()), file);
        assertTrue(Files.readString(PROJECT.resolve("submit/k8s/Dockerfile")).contains(" " + inImage + "\n"),
                "submit/k8s/Dockerfile puts the jar at " + inImage);
        assertTrue(Files.readString(PROJECT.resolve("conf/job.conf")).contains("BIDNN_K8S_JAR=" + file),
                "conf/job.conf names the same jar for submit/kubernetes.sh");
    }

    @Test
    void manifestHasTheJvmOptionsAndSettingsOfSparkDefaults() throws IOException {
        JsonNode spec = manifest().path("spec");
        Map<String, String> defaults = sparkDefaults();
        for (String role : List.of("driver", "executor")) {
            JsonNode pod = spec.path(role);
            String options = pod.path("javaOptions").asText();
            assertTrue(options.startsWith(BuildLayout.java17OptionString() + " "),
                    role + ".javaOptions start with pom.xml's jvm.opens: " + options);
            assertEquals(defaults.get("spark." + role + ".extraJavaOptions"), options, role + ".javaOptions");
            assertEquals(defaults.get("spark." + role + ".memory"), pod.path("memory").asText(), role + ".memory");
            assertEquals(defaults.get("spark." + role + ".memoryOverhead"), pod.path("memoryOverhead").asText(),
                    role + ".memoryOverhead");
        }
        assertEquals(defaults.get("spark.executor.cores"), spec.path("executor").path("cores").asText());
        JsonNode conf = spec.path("sparkConf");
        for (String key : List.of("spark.serializer", "spark.kryo.registrator", "spark.kryoserializer.buffer.max",
                "spark.executorEnv.OMP_NUM_THREADS")) {
            assertEquals(defaults.get(key), conf.path(key).asText(), key);
        }
    }

    @Test
    void sparkDefaultsOpenTheJdkForEveryJvm() throws IOException {
        Map<String, String> defaults = sparkDefaults();
        for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions",
                "spark.yarn.am.extraJavaOptions")) {
            assertTrue(defaults.get(key).startsWith(BuildLayout.java17OptionString()),
                    key + " starts with pom.xml's jvm.opens (target/classes/bidnn/java17-options.txt)");
        }
        assertEquals("org.nd4j.kryo.Nd4jRegistrator,org.bidnn.spark.NdArrayKryoRegistrator,org.bidnn.spark.RecordKryoRegistrator",
                defaults.get("spark.kryo.registrator"), "the bulk array serializer registered after ND4J's");
        assertEquals(defaults.get("spark.executor.cores"), defaults.get("spark.executorEnv.OMP_NUM_THREADS"),
                "one native thread per task slot");
        for (String role : List.of("driver", "executor")) {
            String options = defaults.get("spark." + role + ".extraJavaOptions");
            long heap = gib(defaults.get("spark." + role + ".memory"));
            long overhead = gib(defaults.get("spark." + role + ".memoryOverhead"));
            long maxBytes = gib(option(options, "-Dorg.bytedeco.javacpp.maxbytes="));
            long maxPhysical = gib(option(options, "-Dorg.bytedeco.javacpp.maxphysicalbytes="));
            assertTrue(maxBytes < overhead, role + ": ND4J's off-heap arrays fit in the memory overhead");
            assertTrue(maxPhysical < heap + overhead, role + ": the process stops itself before its container's limit");
            assertTrue(maxPhysical >= heap + maxBytes, role + ": heap and arrays fit under maxphysicalbytes");
        }
    }

    @Test
    void submitJarCarriesOurCodeAndNd4jButNotSpark() throws IOException {
        Set<String> entries = new HashSet<>();
        try (JarFile jar = new JarFile(BuildLayout.submitJar().toFile())) {
            jar.stream().forEach(e -> entries.add(e.getName()));
            String backends = new String(jar.getInputStream(jar.getEntry("META-INF/services/org.nd4j.linalg.factory.Nd4jBackend"))
                    .readAllBytes());
            assertTrue(backends.contains("org.nd4j.linalg.cpu.nativecpu.CpuBackend"), "ND4J's CPU backend is registered");
        }
        for (String needed : List.of("org/bidnn/cli/BidnnCli.class", "org/bidnn/spark/SparkSessions.class",
                "org/nd4j/kryo/Nd4jRegistrator.class", "org/deeplearning4j/spark/impl/paramavg/ParameterAveragingTrainingMaster.class",
                "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libnd4jcpu.so",
                "org/bytedeco/openblas/linux-x86_64/libopenblas.so.0", "picocli/CommandLine.class")) {
            assertTrue(entries.contains(needed), needed + " is in the jar");
        }
        for (String prefix : List.of("org/apache/spark/deploy/", "org/apache/spark/rdd/", "scala/", "org/apache/hadoop/",
                "org/apache/logging/log4j/", "org/slf4j/", "com/fasterxml/jackson/core/", "org/apache/commons/lang3/",
                "com/esotericsoftware/kryo/")) {
            assertTrue(entries.stream().noneMatch(e -> e.startsWith(prefix)), "the cluster provides " + prefix);
        }
    }

    @Test
    void scheduledManifestConformsToTheScheduledSparkApplicationSchema() throws IOException {
        JsonNode m = scheduled();
        assertEquals(List.of(), OpenApiSchema.validate(scheduledSchema(), m));
        assertEquals("sparkoperator.k8s.io/v1beta2", m.path("apiVersion").asText());
        assertEquals("ScheduledSparkApplication", m.path("kind").asText());
        String name = m.path("metadata").path("name").asText();
        assertTrue(name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), "metadata.name is a DNS label");
        // Each run is a SparkApplication NAME-<timestamp in ns> whose driver pod is NAME-<ts>-driver.
        assertTrue((name + "-1234567890123456789-driver").length() <= 63, "the runs' pod names fit a DNS label");
        JsonNode spec = m.path("spec");
        assertEquals(nightlyCron(), spec.path("schedule").asText(), "the crontab line's time");
        assertEquals("Forbid", spec.path("concurrencyPolicy").asText(), "one night at a time");
        assertTrue(spec.path("successfulRunHistoryLimit").asInt() >= 1 && spec.path("failedRunHistoryLimit").asInt() >= 1);
    }

    @Test
    void scheduledSchemaCatchesAMisspeltPolicyOrField() throws IOException {
        JsonNode schema = scheduledSchema();
        assertEquals(schema().path("properties").path("spec"),
                schema.path("properties").path("spec").path("properties").path("template"),
                "the template's schema is the SparkApplication spec of sparkapplication-v1beta2-schema.yaml");
        ObjectNode wrong = (ObjectNode) scheduled();
        ObjectNode spec = (ObjectNode) wrong.get("spec");
        spec.remove("schedule");
        spec.set("concurrencyPolicy", new TextNode("Forbidden"));
        ((ObjectNode) spec.get("template").get("executor")).set("memmory", new TextNode("4g"));
        List<String> errors = OpenApiSchema.validate(schema, wrong);
        assertEquals(List.of("$.spec: required field 'schedule' is missing",
                "$.spec.concurrencyPolicy: \"Forbidden\" is not one of [\"Allow\",\"Forbid\",\"Replace\"]",
                "$.spec.template.executor.memmory: unknown field"), errors);
    }

    @Test
    void scheduledTemplateIsTheJobOfTheSparkApplicationManifest() throws IOException {
        JsonNode once = manifest().path("spec");
        JsonNode nightly = scheduled().path("spec").path("template");
        for (String field : List.of("type", "mode", "sparkVersion", "image", "imagePullPolicy", "mainClass",
                "mainApplicationFile", "sparkConf", "volumes")) {
            assertEquals(once.path(field), nightly.path(field), "template." + field + " as in " + MANIFEST.getFileName());
        }
        for (String role : List.of("driver", "executor")) {
            for (String field : List.of("javaOptions", "memory", "memoryOverhead", "cores", "volumeMounts")) {
                assertEquals(once.path(role).path(field), nightly.path(role).path(field),
                        "template." + role + "." + field + " as in " + MANIFEST.getFileName());
            }
        }
        List<String> args = texts(nightly.path("arguments"));
        assertEquals("embed", args.get(0));
        assertEquals(value(texts(once.path("arguments")), "--model"), value(args, "--model"));
        assertEquals(value(texts(once.path("arguments")), "--input"), value(args, "--input"));
        String output = value(args, "--output");
        assertEquals(output, value(args, "--incremental"), "the date-free output carries over from itself");
        assertTrue(args.contains("--overwrite"), "each night replaces the last one's output, once complete");
        assertTrue(output.startsWith(once.path("driver").path("volumeMounts").get(0).path("mountPath").asText() + "/"),
                "the output is on the data volume: " + output);
    }

    @Test
    void airflowDagIsPython() throws Exception {
        python(List.of("-c", "import ast,sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])", DAG.toString()));
    }

    @Test
    void airflowDagSubmitsTheNightlyJobWithTheSettingsOfSparkDefaults() throws Exception {
        Path props = PROJECT.resolve("conf/spark-defaults.conf");
        JsonNode dag = new ObjectMapper().readTree(python(List.of("-c", AIRFLOW_STUBS, DAG.toString()), props));
        JsonNode settings = dag.path("dag");
        assertEquals(1, settings.path("max_active_runs").asInt(), "one night at a time, as nightly.sh's lock");
        assertFalse(settings.path("catchup").asBoolean(true), "missed nights are not run afterwards");
        assertEquals(nightlyCron(), settings.path("schedule").path("cron").asText(), "the crontab line's time");
        assertTrue(settings.path("default_args").path("retries").asInt() >= 1, "failed steps are retried");

        JsonNode tasks = dag.path("tasks");
        assertEquals(List.of("embed"), texts(tasks.path("latest").path("downstream")));
        assertEquals(List.of("publish"), texts(tasks.path("embed").path("downstream")));
        Map<String, String> defaults = sparkDefaults();
        String mainClass = manifest().path("spec").path("mainClass").asText();
        String jar = manifest().path("spec").path("mainApplicationFile").asText().substring("local://".length());
        for (String step : List.of("embed", "publish")) {
            JsonNode task = tasks.path(step);
            assertEquals("SparkSubmitOperator", task.path("operator").asText(), step);
            JsonNode kwargs = task.path("kwargs");
            assertEquals(mainClass, kwargs.path("java_class").asText(), step + ": java_class");
            assertEquals(jar, kwargs.path("application").asText(), step + ": the jar at the image's path");
            // Read from conf/spark-defaults.conf when Airflow parses the DAG: Kryo and its
            // registrators, memory, OMP_NUM_THREADS and the Java 17 openings of every JVM.
            Map<String, String> conf = YAML.convertValue(kwargs.path("conf"), new TypeReference<>() { });
            Map<String, String> expected = new LinkedHashMap<>(defaults);
            if (step.equals("publish")) {
                expected.put("spark.ui.enabled", "false");
            }
            assertEquals(expected, conf, step + ": conf");
            assertEquals(defaults.get("spark.kryo.registrator"), conf.get("spark.kryo.registrator"), step);
            for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions",
                    "spark.yarn.am.extraJavaOptions")) {
                assertTrue(conf.get(key).startsWith(BuildLayout.java17OptionString()), step + ": " + key);
            }
        }
        List<String> embed = texts(tasks.path("embed").path("kwargs").path("application_args"));
        assertEquals("embed", embed.get(0));
        String root = value(texts(tasks.path("publish").path("kwargs").path("application_args")), "--root");
        assertEquals(root + "/{{ ds }}", value(embed, "--output"), "a dated folder under the published root");
        assertTrue(embed.contains("--incremental"), embed.toString());
        String previous = value(embed, "--incremental");
        assertTrue(previous.startsWith(root + "/{{") && previous.contains("xcom_pull(task_ids='latest')"),
                "carries over from the folder that the latest step read from ROOT/latest: " + previous);
        assertEquals(List.of("nightly-publish", "--root", root, "--date", "{{ ds }}", "--keep", "7"),
                texts(tasks.path("publish").path("kwargs").path("application_args")));
        String latest = tasks.path("latest").path("kwargs").path("bash_command").asText();
        for (String part : List.of("--class " + mainClass + " ", "--properties-file " + props + " ", " " + jar + " ",
                "nightly-publish --root " + root + " --date {{ ds }} --latest")) {
            assertTrue(latest.contains(part), "the latest step runs " + part + ": " + latest);
        }
    }

    /** The minute and hour fields of the crontab line in submit/nightly.sh's header, with "* * *". */
    private static String nightlyCron() throws IOException {
        for (String line : Files.readAllLines(PROJECT.resolve("submit/nightly.sh"))) {
            String[] f = line.replaceFirst("^#\\s*", "").split("\\s+");
            if (line.startsWith("#") && f.length > 5 && f[5].startsWith("SPARK_HOME=") && f[2].equals("*")) {
                return String.join(" ", f[0], f[1], f[2], f[3], f[4]);
            }
        }
        throw new AssertionError("no crontab line in submit/nightly.sh's header");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The argument after {@code option}. */
    private static String value(List<String> args, String option) {
        int i = args.indexOf(option);
        assertTrue(i >= 0 && i + 1 < args.size(), option + " with a value in " + args);
        return args.get(i + 1);
    }

    private static String python(List<String> args) throws Exception {
        return python(args, PROJECT.resolve("conf/spark-defaults.conf"));
    }

    /** Runs python3 with {@code args} (BIDNN_SPARK_PROPERTIES set), returns its output; fails on an error. */
    private static String python(List<String> args, Path sparkProperties) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile());
        builder.environment().put("BIDNN_SPARK_PROPERTIES", sparkProperties.toString());
        Process p = builder.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 ended");
        assertEquals(0, p.exitValue(), "python3 " + args.get(args.size() - 1) + ": "
                + new String(err.get(), StandardCharsets.UTF_8));
        return out;
    }

    /**
     * Runs the DAG file with stand-ins for the Airflow modules it imports (Airflow is not installed
     * here) and prints, as JSON, the DAG's arguments and each task's operator, arguments and
     * downstream tasks. The stand-ins accept only the arguments that Airflow 2's DAG, BashOperator
     * and SparkSubmitOperator take, so that a misspelt one fails here as it would in Airflow.
     */
    private static final String AIRFLOW_STUBS = """
            import json, runpy, sys, types
            BASE = {"task_id", "retries", "retry_delay", "execution_timeout", "doc_md", "trigger_rule", "pool"}
            KNOWN = {
                "BashOperator": BASE | {"bash_command", "env", "append_env", "cwd", "do_xcom_push"},
                "SparkSubmitOperator": BASE | {"application", "conf", "conn_id", "files", "py_files", "archives",
                    "driver_class_path", "jars", "java_class", "packages", "exclude_packages", "repositories",
                    "total_executor_cores", "executor_cores", "executor_memory", "driver_memory", "keytab",
                    "principal", "proxy_user", "name", "num_executors", "status_poll_interval", "application_args",
                    "env_vars", "verbose", "spark_binary", "properties_file", "yarn_queue", "deploy_mode"},
                "DAG": {"dag_id", "doc_md", "description", "schedule", "start_date", "end_date", "catchup",
                    "max_active_runs", "max_active_tasks", "default_args", "tags", "dagrun_timeout", "params"},
            }
            tasks, dags = {}, []
            def check(kind, kwargs):
                unknown = set(kwargs) - KNOWN[kind]
                if unknown:
                    raise TypeError(kind + " has no argument " + ", ".join(sorted(unknown)))
            class Operator:
                def __init__(self, **kwargs):
                    check(type(self).__name__, kwargs)
                    self.task_id = kwargs.pop("task_id")
                    self.downstream = []
                    tasks[self.task_id] = {"operator": type(self).__name__, "kwargs": kwargs, "downstream": self.downstream}
                def __rshift__(self, other):
                    self.downstream.append(other.task_id)
                    return other
            class BashOperator(Operator): pass
            class SparkSubmitOperator(Operator): pass
            class DAG:
                def __init__(self, **kwargs):
                    check("DAG", kwargs)
                    dags.append(kwargs)
                def __enter__(self): return self
                def __exit__(self, *exc): return False
            class CronTriggerTimetable:
                def __init__(self, cron, *, timezone):
                    self.cron, self.timezone = cron, timezone
            def module(name, **attrs):
                m = types.ModuleType(name)
                m.__dict__.update(attrs)
                sys.modules[name] = m
            for name in ["airflow.operators", "airflow.providers", "airflow.providers.apache",
                         "airflow.providers.apache.spark", "airflow.providers.apache.spark.operators", "airflow.timetables"]:
                module(name)
            module("airflow", DAG=DAG)
            module("airflow.operators.bash", BashOperator=BashOperator)
            module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=SparkSubmitOperator)
            module("airflow.timetables.trigger", CronTriggerTimetable=CronTriggerTimetable)
            module("pendulum", datetime=lambda *args, **kwargs: "pendulum.datetime" + repr(args))
            runpy.run_path(sys.argv[1], run_name="bidnn_nightly")
            def plain(o):
                return vars(o) if isinstance(o, CronTriggerTimetable) else str(o)
            print(json.dumps({"dag": dags[0], "tasks": tasks}, default=plain))
            """;

    private static String option(String options, String prefix) {
        for (String o : options.split("\\s+")) {
            if (o.startsWith(prefix)) {
                return o.substring(prefix.length());
            }
        }
        throw new AssertionError("no " + prefix + " in " + options);
    }

    /** "4g" or "4096m" in GiB. */
    private static long gib(String size) {
        String s = size.toLowerCase(java.util.Locale.ROOT);
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 'g' -> n;
            case 'm' -> n / 1024;
            default -> throw new AssertionError("size in g or m expected: " + size);
        };
    }
}
