package org.bidnn.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.hdfs.protocol.QuotaExceededException;
import org.apache.hadoop.security.AccessControlException;

/**
 * A file or directory that the file system would not read or write, with the path as the user
 * gave it and the reason in words: {@code hdfs://nn/models/m.bidnn: permission denied}.
 */
public final class StorageException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    public StorageException(String path, String problem) {
        this(path, problem, null);
    }

    public StorageException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, without the path. */
    public String problem() {
        return problem;
    }

    /** {@code e}, raised while working on {@code path}, as a message a user can act on. */
    public static StorageException of(String path, IOException e) {
        if (e instanceof StorageException s) {
            return s;
        }
        return new StorageException(path, reason(e), e);
    }

    /**
     * What went wrong, in words, for the failures of a file system a user can fix: a missing file,
     * permissions, an unknown scheme, a file system that does not answer, a full quota.
     */
    public static String reason(IOException e) {
        if (e instanceof StorageException s) {
            return s.problem();
        }
        if (e instanceof FileNotFoundException || e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessControlException || e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof org.apache.hadoop.fs.FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof UnsupportedFileSystemException) {
            return "no file system on the classpath for this scheme (" + firstLine(e) + ")";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof SocketException
                || e instanceof SocketTimeoutException || isWrappedNetworkFailure(e)) {
            return "cannot reach the file system (" + firstLine(e) + ")";
        }
        if (e instanceof UnknownHostException) {
            return "cannot reach the file system (unknown host " + firstLine(e) + ")";
        }
        if (e instanceof QuotaExceededException) {
            return "the directory's quota is exceeded (" + firstLine(e) + ")";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return firstLine(e);
    }

    /**
     * Hadoop's RPC client reports a connection that broke (the NameNode went away mid-call) as an
     * EOFException or other I/O error, worded by its NetUtils as between a local and a destination host.
     */
    private static boolean isWrappedNetworkFailure(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("destination host is:");
    }

    /** Hadoop's messages run on for lines (remote traces, wiki links): the first line says it. */
    private static String firstLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
