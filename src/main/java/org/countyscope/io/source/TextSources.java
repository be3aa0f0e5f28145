package org.countyscope.io.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** Opens delimited text files: settles the charset, then tells an NBS export from a plain CSV by its first line. */
final class TextSources {

    private TextSources() {
    }

    static SourceTable open(Path file, Charset declared) {
        Charset charset = declared != null ? declared : Encodings.detect(file);
        DecodedReader reader = openReader(file, charset);
        try {
            String prefix = readPrefix(reader, charset);
            String firstLine = Text.trim(lastLine(prefix));
            if (firstLine.startsWith("数据库：") || firstLine.startsWith("数据库:")) {
                reader.close();
                return NbsExportTable.open(file, charset);
            }
            return new CsvTable(file, charset, reader, prefix);
        } catch (IOException e) {
            throw new SourceException("无法读取文件：" + file.getFileName(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader, e);
            throw e;
        }
    }

    static DecodedReader openReader(Path file, Charset charset) {
        try {
            return new DecodedReader(file, charset);
        } catch (IOException e) {
            throw new SourceException("无法读取文件：" + file.getFileName(), e);
        }
    }

    /** Reads up to and including the end of the first line holding more than spaces and delimiters. */
    private static String readPrefix(DecodedReader reader, Charset charset) throws IOException {
        StringBuilder prefix = new StringBuilder();
        boolean content = false;
        boolean afterCr = false;
        long line = 1;
        while (true) {
            int c;
            try {
                c = reader.read();
            } catch (CharacterCodingException e) {
                throw undecodable(line, charset.name(), e);
            }
            if (c < 0) {
                if (!content) {
                    throw new SourceException("文件为空");
                }
                return prefix.toString();
            }
            prefix.append((char) c);
            if (prefix.length() > Limits.LINE_CHARS) {
                throw new SourceException("文件第" + line + "行超过 " + Limits.n(Limits.LINE_CHARS)
                    + " 个字符：文件不是一张表，或缺少换行符。请检查文件后重新提交");
            }
            if (c == 0) {
                throw CsvParser.nul(line);
            }
            if (c == '\r' || c == '\n') {
                if (content) {
                    return prefix.toString();
                }
                if (c == '\r' || !afterCr) {
                    line++;
                }
                afterCr = c == '\r';
                continue;
            }
            afterCr = false;
            if (!Text.isSpace((char) c) && c != ',' && c != ';') {
                content = true;
            }
        }
    }

    /** The last line of {@code text}, without its line end. */
    static String lastLine(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        int start = end;
        while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        return text.substring(start, end);
    }

    static SourceException undecodable(long line, String charsetName, CharacterCodingException cause) {
        return new SourceException("文件第" + line + "行含有无法按 " + charsetName + " 解码的字节：文件编码可能不是 "
                + charsetName, cause);
    }

    static void closeQuietly(AutoCloseable closeable, Throwable failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
