package org.bidnn.io.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;

/**
 * Model files ({@link ModelFile}) on any Hadoop file system: a local path as well as
 * {@code hdfs://}, {@code s3a://} and the other URIs the configuration knows.
 */
public final class HadoopModelFiles {

    private HadoopModelFiles() {
    }

    /** Reads a whole model; a missing file or a file that is not a model is a {@link ModelFile.ModelFileException}. */
    public static ModelFile.Loaded load(Configuration hadoop, String model) throws IOException {
        Path path = new Path(model);
        byte[] bytes;
        try (InputStream in = path.getFileSystem(hadoop).open(path)) {
            bytes = in.readAllBytes();
        } catch (FileNotFoundException e) {
            throw new ModelFile.ModelFileException(model, "no such file");
        }
        return ModelFile.fromBytes(bytes, model);
    }

    /**
     * Writes {@code network} with its optimiser state (as {@link ModelFile#save} does) to a new file;
     * an existing file is an error.
     */
    public static void save(Configuration hadoop, String model, BiDNNNetwork network) throws IOException {
        byte[] bytes = ModelFile.toBytes(network);
        Path path = new Path(model);
        FileSystem fs = path.getFileSystem(hadoop);
        try (OutputStream out = fs.create(path, false)) {
            out.write(bytes);
        }
    }
}
