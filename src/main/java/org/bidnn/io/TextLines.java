package org.bidnn.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 text file on any file system ({@link Storage}), with their 1-based numbers.
 * Each line is decoded on its own and strictly, so that bytes that are not UTF-8 are reported with
 * the line they are on ({@code data.svm:12: not UTF-8 text}); a reader that decodes the stream as a
 * whole (BufferedReader) fails somewhere in its buffer, without a line. Lines end at {@code \n};
 * a {@code \r} before it (Windows line ends) is dropped.
 */
public final class TextLines implements Closeable {

    private final String file;
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long number;

    private TextLines(String file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** @throws InputFileException if the file cannot be opened */
    public static TextLines open(Storage storage, String file) {
        return new TextLines(file, storage.open(file));
    }

    /**
     * The next line, without its line end, or null at the end of the file.
     *
     * @throws InputFileException if the line is not UTF-8 or the file cannot be read
     */
    public String next() {
        int length = 0;
        boolean any = false;
        try {
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                byte b = buffer[position++];
                if (b == '\n') {
                    break;
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, length * 2);
                }
                line[length++] = b;
            }
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e);
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException(file, number, null, "not UTF-8 text", null, e);
        }
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    public long number() {
        return number;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Read-only: nothing written is lost, and the lines read are complete.
        }
    }
}
