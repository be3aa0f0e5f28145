package org.countyscope.io.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decides which charset a text file is in: byte-order mark, else strict UTF-8, else strict GB18030. */
final class Encodings {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final int BUFFER = 1 << 20;

    private Encodings() {
    }

    static Charset detect(Path file) {
        byte[] head = head(file, 3);
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        Charset utf16 = utf16WithoutBom(head(file, 4096));
        if (utf16 != null) {
            return utf16;
        }
        if (firstUndecodableByte(file, StandardCharsets.UTF_8) < 0) {
            return StandardCharsets.UTF_8;
        }
        // GB18030 decodes everything GBK does, so it covers both.
        long bad = firstUndecodableByte(file, GB18030);
        if (bad < 0) {
            return GB18030;
        }
        throw new SourceException("文件编码无法识别：既不是 UTF-8 也不是 GBK/GB18030（第" + lineOfByte(file, bad)
                + "行有无法识别的字节），请用“另存为”选择 UTF-8 或 GBK 编码后重新提交");
    }

    /**
     * UTF-16 that lost its byte-order mark: in its first bytes every other byte is 00 (the high byte of ASCII and
     * of line ends), on one side only. Null when the head does not look like that.
     */
    static Charset utf16WithoutBom(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 8) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }
        // A header row is mostly CJK; its commas, digits and line ends are ASCII, so at least a fifth of pairs. A CJK
        // character whose low byte is 00 (开 is U+5F00) puts a few NULs on the other side.
        if (oddNul >= pairs / 5 && evenNul * 8 < oddNul) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul >= pairs / 5 && oddNul * 8 < evenNul) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static byte[] head(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new SourceException("无法读取文件：" + file.getFileName(), e);
        }
    }

    /** Offset of the first byte that does not decode strictly, or -1 if the whole file decodes. */
    static long firstUndecodableByte(Path file, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long consumedBefore = 0;
        try (InputStream in = Files.newInputStream(file)) {
            boolean done = false;
            while (true) {
                int n = done ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    done = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                int startPosition = bytes.position();
                CoderResult result;
                do {
                    chars.clear();
                    result = decoder.decode(bytes, chars, done);
                } while (result.isOverflow());
                if (result.isError()) {
                    return consumedBefore + bytes.position();
                }
                consumedBefore += bytes.position() - startPosition;
                if (done) {
                    chars.clear();
                    return decoder.flush(chars).isError() ? consumedBefore : -1;
                }
                bytes.compact();
            }
        } catch (IOException e) {
            throw new SourceException("无法读取文件：" + file.getFileName(), e);
        }
    }

    /** The 1-based line holding the given byte; CR and LF bytes are never part of a UTF-8 or GB18030 sequence. */
    private static long lineOfByte(Path file, long offset) {
        long line = 1;
        boolean afterCr = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            long seen = 0;
            int n;
            while (seen < offset && (n = in.read(buf)) > 0) {
                int upTo = (int) Math.min(n, offset - seen);
                for (int i = 0; i < upTo; i++) {
                    byte b = buf[i];
                    if (b == '\r' || (b == '\n' && !afterCr)) {
                        line++;
                    }
                    afterCr = b == '\r';
                }
                seen += upTo;
            }
        } catch (IOException e) {
            throw new SourceException("无法读取文件：" + file.getFileName(), e);
        }
        return line;
    }
}
