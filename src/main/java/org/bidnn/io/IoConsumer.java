package org.bidnn.io;

import java.io.IOException;

/** A consumer that may fail with an IOException, so that writing code need not wrap it. */
@FunctionalInterface
public interface IoConsumer<T> {
    void accept(T t) throws IOException;
}
