package org.bidnn.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.bidnn.cluster.BuildLayout;
import org.junit.jupiter.api.Test;

/**
 * The files that run the job on clusters agree with each other and with the build: the
 * spark-submit jar, conf/spark-defaults.conf, the Kubernetes manifest (against the Spark
 * operator's v1beta2 schema) and its image.
 */
class SubmitFilesIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path PROJECT = BuildLayout.projectDir();
    private static final Path MANIFEST = PROJECT.resolve("submit/k8s/bidnn-sparkapplication.yaml");

    private static JsonNode manifest() throws IOException {
        return YAML.readTree(MANIFEST.toFile());
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = SubmitFilesIT.class.getResourceAsStream("/k8s/sparkapplication-v1beta2-schema.yaml")) {
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
