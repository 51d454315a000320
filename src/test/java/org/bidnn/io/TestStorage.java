package org.bidnn.io;

import org.apache.hadoop.conf.Configuration;

/** The file systems of the tests that need no cluster: Hadoop's defaults, so a bare path is on the local disk. */
public final class TestStorage {

    public static final Storage LOCAL = Storage.of(new Configuration());

    private TestStorage() {
    }
}
