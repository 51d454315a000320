package org.bidnn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.SparkEnv;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The rows one trainer learns from, kept on local disk rather than in memory: written once, in
 * the order they arrive ({@link CompactRow}'s bytes, sparse rows sparse), then read a minibatch
 * at a time, at whatever positions the epoch's order asks for. Memory holds only each row's offset
 * and corpus index (16 bytes a row) and the minibatch being read, so a shard or a corpus many times
 * larger than the heap trains; the operating system's page cache keeps the file in memory while
 * there is room, and reads go to disk beyond that.
 *
 * <p>The file is in Spark's local directories when a Spark environment runs (scratch space Spark
 * deletes when the executor or driver ends), else in {@code java.io.tmpdir}; it is deleted on
 * {@link #close()}, or when the object is collected without having been closed.
 */
final class ShardFile implements TrainingRowSet, AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int WRITE_BUFFER = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final long[] offsets;
    private final long[] indices;
    private final int size;
    private final int width;
    private final Cleaner.Cleanable cleanable;
    private final MinibatchBuffer batch;
    private ByteBuffer readBuffer = ByteBuffer.allocate(0);

    private ShardFile(Path path, FileChannel channel, long[] offsets, long[] indices, int size, int width) {
        this.path = path;
        this.channel = channel;
        this.offsets = offsets;
        this.indices = indices;
        this.size = size;
        this.width = width;
        this.batch = new MinibatchBuffer(width);
        this.cleanable = CLEANER.register(this, new Deletion(path, channel));
    }

    /** Writes {@code rows} to a new file in the scratch space (see above). */
    static ShardFile write(Iterator<CompactRow> rows) throws IOException {
        return write(rows, scratchFile());
    }

    static ShardFile write(Iterator<CompactRow> rows, Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long[] offsets = new long[1024];
            long[] indices = new long[1024];
            int n = 0;
            int width = 0;
            long end = 0;
            ByteBuffer out = ByteBuffer.allocate(WRITE_BUFFER);
            while (rows.hasNext()) {
                CompactRow row = rows.next();
                if (n + 1 >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, 2 * offsets.length);
                    indices = Arrays.copyOf(indices, 2 * indices.length);
                }
                int bytes = row.encodedSize();
                if (out.remaining() < bytes) {
                    drain(out, channel);
                    if (out.capacity() < bytes) {
                        out = ByteBuffer.allocate(bytes);
                    }
                }
                row.writeTo(out);
                offsets[n] = end;
                indices[n] = row.index();
                width = row.width();
                end += bytes;
                n++;
            }
            drain(out, channel);
            offsets[n] = end;
            return new ShardFile(path, channel, offsets, indices, n, width);
        } catch (IOException | RuntimeException e) {
            new Deletion(path, channel).run();
            throw e;
        }
    }

    private static void drain(ByteBuffer out, FileChannel channel) throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }

    private static Path scratchFile() throws IOException {
        SparkEnv env = SparkEnv.get();
        if (env != null && env.blockManager() != null) {
            // A file in the block manager's folders, which Spark removes when the JVM ends.
            return env.blockManager().diskBlockManager().createTempLocalBlock()._2().toPath();
        }
        Path file = Files.createTempFile("bidnn-shard-", ".rows");
        file.toFile().deleteOnExit();
        return file;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long index(int i) {
        return indices[i];
    }

    /** Bytes of the file. */
    long bytes() {
        return offsets[size];
    }

    @Override
    public INDArray gather(int[] positions) {
        batch.start(positions.length);
        for (int position : positions) {
            CompactRow.readInto(read(position), batch.nextRow(), 0);
            batch.add();
        }
        return batch.finish();
    }

    private ByteBuffer read(int position) {
        long from = offsets[position];
        int length = (int) (offsets[position + 1] - from);
        if (readBuffer.capacity() < length) {
            readBuffer = ByteBuffer.allocate(Math.max(length, 2 * readBuffer.capacity()));
        }
        ByteBuffer buffer = readBuffer;
        buffer.clear().limit(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + buffer.position()) < 0) {
                    throw new IOException(path + " ends before row " + position);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the training rows of " + path, e);
        }
        return buffer.flip();
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    /** Closes the channel and deletes the file; refers to neither the shard nor its arrays. */
    private record Deletion(Path path, FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                // Deleting is what matters.
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Scratch space: Spark removes its folders when the JVM ends.
            }
        }
    }
}
