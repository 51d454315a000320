package org.bidnn.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dated output folders of a scheduled job ({@code ROOT/2031-01-02}, one a day) on any file
 * system ({@link Storage}), as {@code submit/nightly.sh} keeps them when the root is not a local
 * folder: a folder is complete when the job's output committer has written {@code _SUCCESS} in
 * it; {@code ROOT/latest} is a small text file holding the date of the newest published folder
 * (HDFS and object stores have no symbolic links to point with), replaced atomically, so a reader
 * that reads it finds a complete folder; only the newest folders are kept.
 */
public final class DatedFolders {

    public static final String LATEST = "latest";
    static final String SUCCESS = "_SUCCESS";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Storage storage;
    private final String root;

    public DatedFolders(Storage storage, String root) {
        this.storage = storage;
        this.root = root;
    }

    /** Whether the folder of {@code day} holds a finished job's output. */
    public boolean isComplete(String day) throws IOException {
        return storage.exists(Storage.child(folder(day), SUCCESS));
    }

    /** The date {@code latest} names, if any. */
    public Optional<String> latest() throws IOException {
        String file = Storage.child(root, LATEST);
        if (!storage.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new String(storage.readAllBytes(file), StandardCharsets.UTF_8).strip());
    }

    /**
     * Points {@code latest} at {@code day} and deletes all but the {@code keep} newest dated
     * folders (never {@code day}'s).
     *
     * @return the dates of the folders deleted, newest first
     * @throws StorageException if the folder of {@code day} is not complete: nothing is changed
     */
    public List<String> publish(String day, int keep) throws IOException {
        if (keep < 1) {
            throw new BadInputException("keep at least 1 dated folder, got " + keep);
        }
        if (!isComplete(day)) {
            throw new StorageException(folder(day), "not complete (no " + SUCCESS + "): not published");
        }
        storage.writeString(Storage.child(root, LATEST), day + "\n");
        List<String> days = new ArrayList<>();
        for (String path : storage.list(root)) {
            String name = Storage.name(path);
            if (DAY.matcher(name).matches() && storage.isDirectory(path)) {
                days.add(name);
            }
        }
        days.sort(java.util.Comparator.reverseOrder());
        List<String> removed = new ArrayList<>();
        for (String old : days.subList(Math.min(keep, days.size()), days.size())) {
            if (!old.equals(day)) {
                storage.delete(folder(old));
                removed.add(old);
            }
        }
        return removed;
    }

    private String folder(String day) {
        if (!DAY.matcher(day).matches()) {
            throw new BadInputException("a date is YYYY-MM-DD, not " + day);
        }
        return Storage.child(root, day);
    }
}
