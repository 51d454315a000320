package org.bidnn.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Sets a stage's parameters from its saved metadata, as Spark's {@code getAndSetParams}, also from
 * stages saved by bidnn 0.1.0: before the parameters took Spark's shared names, and before a model's
 * parameters were split from the estimator's.
 */
final class SavedParams {

    /** The parameters' names in 0.1.0, and their names now. */
    static final Map<String, String> RENAMED = Map.of(
            "epochs", "maxIter",
            "learningRate", "stepSize",
            "inferenceBatchSize", "blockSize");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedParams() {
    }

    static void set(Params stage, DefaultParamsReader.Metadata metadata) {
        JsonNode root;
        try {
            root = JSON.readTree(metadata.metadataJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode set = root.path("paramMap");
        JsonNode defaults = root.path("defaultParamMap");
        // Spark refuses a name the stage does not have: it sets the others, these are set below or
        // dropped (a model's training parameters of 0.1.0: the network holds what they did).
        List<String> unknown = new ArrayList<>();
        for (JsonNode section : List.of(set, defaults)) {
            for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!stage.hasParam(name) && !unknown.contains(name)) {
                    unknown.add(name);
                }
            }
        }
        metadata.getAndSetParams(stage, Option.apply(JavaConverters.asScalaBuffer(unknown).toList()));
        RENAMED.forEach((old, now) -> {
            if (!stage.hasParam(now)) {
                return;
            }
            setRenamed(stage, stage.getParam(now), defaults.get(old), true);
            setRenamed(stage, stage.getParam(now), set.get(old), false);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setRenamed(Params stage, Param param, JsonNode value, boolean isDefault) {
        if (value == null) {
            return;
        }
        Object decoded = param.jsonDecode(value.toString());
        if (isDefault) {
            stage.setDefault(param, decoded);
        } else {
            stage.set(param, decoded);
        }
    }
}
