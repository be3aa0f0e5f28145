package org.countyscope.io.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A strict decoding reader: it hands out every character before the first undecodable byte, and only then throws
 * MalformedInputException, so the consumer knows exactly which line holds the bad bytes.
 */
final class DecodedReader extends Reader {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private boolean inputDone;
    private boolean finished;
    private boolean failed;
    private boolean started;

    DecodedReader(Path file, Charset charset) throws IOException {
        this.in = Files.newInputStream(file);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(dst, off, n);
        return n;
    }

    @Override
    public int read() throws IOException {
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        return chars.get();
    }

    private boolean decodeMore() throws IOException {
        chars.clear();
        while (chars.position() == 0 && !finished) {
            if (failed) {
                throw new MalformedInputException(1);
            }
            CoderResult result = decoder.decode(bytes, chars, inputDone);
            if (result.isError()) {
                // Deliver what decoded cleanly first; the next call throws.
                failed = true;
            } else if (result.isUnderflow()) {
                if (inputDone) {
                    decoder.flush(chars);
                    finished = true;
                } else {
                    readBytes();
                }
            }
        }
        chars.flip();
        if (!started && chars.hasRemaining()) {
            started = true;
            // A byte-order mark decodes to U+FEFF; it is not part of the text.
            if (chars.get(0) == '\uFEFF') {
                chars.get();
                if (!chars.hasRemaining()) {
                    return decodeMore();
                }
            }
        }
        return chars.hasRemaining();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            inputDone = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
