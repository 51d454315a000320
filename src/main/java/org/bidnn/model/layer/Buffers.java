package org.bidnn.model.layer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Allocates the layer's working matrices outside every DL4J workspace.
 *
 * <p>DL4J scopes activations to workspaces that are closed or recycled between the forward pass and
 * backprop in some code paths (inference, gradient checks, Spark). The BiDNN layer keeps its
 * intermediate activations for its own backprop, so they must live in ordinary, detached memory;
 * they are reused from one minibatch to the next while the batch size stays the same.
 */
final class Buffers {

    private final DataType dataType;

    Buffers(DataType dataType) {
        this.dataType = dataType;
    }

    DataType dataType() {
        return dataType;
    }

    /**
     * A column-major matrix: a column block of it is again a contiguous column-major matrix, which
     * the products and {@link HostMatrix} use without a copy, and ND4J's products on small
     * column-major operands measured faster than on row-major ones.
     */
    INDArray matrix(long rows, long cols) {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Nd4j.createUninitialized(dataType, new long[] {rows, cols}, 'f');
        }
    }
}
