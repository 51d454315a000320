package org.bidnn.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bidnn.io.Storage;
import org.bidnn.io.TextTable;

/** A list of segment ids, one a line, such as the anchors to rank targets for. */
public final class AnchorList {

    private AnchorList() {
    }

    /**
     * @return the ids in the order of the file
     * @throws org.bidnn.io.InputFileException if the file cannot be read, has no id, a line with more
     *                                          than one field, or an id twice (with both lines)
     */
    public static List<String> read(Storage storage, String file) {
        List<String> ids = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        TextTable.read(storage, file, TextTable.BLANKS, (line, fields) -> {
            if (fields.length != 1) {
                throw TextTable.error(file, line, null, "expected one id, found " + fields.length + " fields",
                        "the file lists one segment id a line");
            }
            Long first = lineOf.putIfAbsent(fields[0], line);
            if (first != null) {
                throw TextTable.error(file, line, fields[0], "id listed twice", "first on line " + first);
            }
            ids.add(fields[0]);
        });
        if (ids.isEmpty()) {
            throw TextTable.error(file, 0, null, "no ids", "the file is empty or has only blank and comment lines");
        }
        return ids;
    }
}
