package org.countyscope.io.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The folders a load is given (the inbox): files found in them must not lead outside them. */
public final class Inbox {

    private Inbox() {
    }

    /**
     * Throws SourceException when {@code file}, found under one of {@code inputs}, is a link to a place outside every
     * input folder: a link in an inbox could otherwise make the load read any file the process may read. A file given
     * by name on the command line is the operator's choice and is read wherever it is.
     */
    public static void checkInside(Path file, List<Path> inputs) {
        if (!Files.isSymbolicLink(file) || inputs.contains(file)) {
            return;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new SourceException("文件是一个指向不存在位置的链接：" + file.getFileName() + "。请把文件本身复制到收件夹后重新提交", e);
        }
        for (Path in : inputs) {
            try {
                if (Files.isDirectory(in) && real.startsWith(in.toRealPath())) {
                    return;
                }
            } catch (IOException e) {
                // an input that cannot be resolved contains nothing
            }
        }
        throw new SourceException("文件是一个指向收件夹以外的链接（符号链接）：" + file.getFileName()
            + "，出于安全原因未读取。请把文件本身复制到收件夹后重新提交");
    }
}
