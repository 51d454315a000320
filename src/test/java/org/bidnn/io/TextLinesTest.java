package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {

    @TempDir
    Path dir;

    private List<String> lines(byte[] content) throws IOException {
        Path file = dir.resolve("f.txt");
        Files.write(file, content);
        List<String> lines = new ArrayList<>();
        try (TextLines in = TextLines.open(TestStorage.LOCAL, file.toString())) {
            for (String l = in.next(); l != null; l = in.next()) {
                lines.add(in.number() + ":" + l);
            }
        }
        return lines;
    }

    @Test
    void linesWithTheirNumbersWhateverTheLineEnds() throws IOException {
        assertEquals(List.of("1:a b", "2:", "3:ü c"), lines("a b\r\n\nü c".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of("1:x"), lines("x\n".getBytes()));
        assertEquals(List.of(), lines(new byte[0]));
    }

    @Test
    void aLineLongerThanTheBufferIsWhole() throws IOException {
        String longLine = "y".repeat(200_000);
        assertEquals(List.of("1:" + longLine, "2:z"), lines((longLine + "\nz\n").getBytes()));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() throws IOException {
        Path file = dir.resolve("bad.svm");
        Files.write(file, new byte[] {'o', 'k', '\n', 's', (byte) 0xff, 'g', ' ', '1', ':', '1', '\n'});
        try (TextLines in = TextLines.open(TestStorage.LOCAL, file.toString())) {
            assertEquals("ok", in.next());
            InputFileException e = assertThrows(InputFileException.class, in::next);
            assertEquals(file + ":2: not UTF-8 text", e.getMessage());
        }
    }

    @Test
    void aMissingFileIsNamed() {
        InputFileException e = assertThrows(InputFileException.class,
                () -> TextLines.open(TestStorage.LOCAL, dir.resolve("absent").toString()));
        assertEquals(dir.resolve("absent") + ": cannot read file (no such file)", e.getMessage());
    }
}
